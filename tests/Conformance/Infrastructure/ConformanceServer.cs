using System.Net;
using JourneyGrpc.Conformance.Tests.Interop;
using JourneyGrpc.Server.Hosting.Grpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Conformance.Tests.Infrastructure;

/// <summary>
/// A live server on a loopback port: grpc.testing.TestService, health and reflection (v1 and
/// v1alpha), composed as the product server composes its gRPC layer (<c>AddGrpcServer</c>,
/// <c>MapGrpcInfrastructure</c>) on real Kestrel (h2c). Third-party clients connect to it as
/// separate processes.
/// </summary>
public sealed class ConformanceServer : IAsyncLifetime
{
    private WebApplication? _app;

    public int Port { get; private set; }

    public string Target => $"127.0.0.1:{Port}";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpcServer(builder.Configuration);
        _app = builder.Build();
        _app.MapGrpcService<InteropTestService>();
        _app.MapGrpcInfrastructure();
        await _app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Port = new Uri(address).Port;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
            await _app.DisposeAsync();
        }
    }
}
