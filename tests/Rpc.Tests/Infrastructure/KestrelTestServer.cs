using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Rpc.Tests.Infrastructure;

/// <summary>A real Kestrel server on a loopback port chosen by the OS.</summary>
internal sealed class KestrelTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelTestServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    internal Uri Address { get; }

    internal IServiceProvider Services => _app.Services;

    internal static async Task<KestrelTestServer> StartAsync(
        Action<IEndpointRouteBuilder> mapEndpoints,
        Action<IServiceCollection>? configureServices = null,
        HttpProtocols protocols = HttpProtocols.Http2)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = protocols));
        builder.Services.AddRpc();
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        mapEndpoints(app);
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(20));
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new KestrelTestServer(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    internal static Task<KestrelTestServer> StartAsync(DynamicService service, HttpProtocols protocols = HttpProtocols.Http2, Action<IServiceCollection>? configureServices = null) =>
        StartAsync(
            endpoints => endpoints.MapRpcService<DynamicService>(),
            services =>
            {
                services.AddSingleton(service);
                configureServices?.Invoke(services);
            },
            protocols);

    internal Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().WaitAsync(TimeSpan.FromSeconds(20));
        await _app.DisposeAsync();
    }
}
