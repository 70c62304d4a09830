using System.Net;
using JourneyGrpc.Gateway;
using JourneyGrpc.Rpc;
using JourneyGrpc.Server.Campaign;
using JourneyGrpc.Server.Journey;
using JourneyGrpc.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Conformance.Tests.Infrastructure;

/// <summary>
/// The domain services as the server hosts them (journey and campaign status): gRPC (h2c) with
/// reflection on one loopback port, and the in-process REST gateway (HTTP/1.1, src/Gateway) on
/// another, over a SQLite store in a temporary folder, with a 0.5 s campaign heartbeat so the
/// clients' idle case is quick. Third-party clients (grpcio, grpc-js, curl) reach it as separate processes.
/// </summary>
public sealed class DomainConformanceServer : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "domain-conformance-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    public int GrpcPort { get; private set; }

    public Uri RestAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Provider"] = "sqlite",
            ["Store:SqlitePath"] = Path.Combine(_directory, "domain.db"),
            ["CampaignStatus:HeartbeatInterval"] = "00:00:00.5",
        });
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                listen.ExcludeRestGateway();
            });
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                listen.UseRestGatewayOnly();
            });
        });
        builder.Services.AddRpc();
        builder.Services.AddJourneyStore(builder.Configuration);
        builder.Services.AddJourneyService(builder.Configuration);
        builder.Services.AddCampaignStatus(builder.Configuration);
        builder.Services.AddRestGateway();
        _app = builder.Build();
        _app.MapJourneyService();
        _app.MapCampaignStatus();
        _app.MapRpcReflectionService();
        _app.MapRestGateway();
        await _app.StartAsync().WaitAsync(Timeout);
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        GrpcPort = addresses[0].Port;
        RestAddress = addresses[1];
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().WaitAsync(Timeout);
            await _app.DisposeAsync().AsTask().WaitAsync(Timeout);
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The store may still be closing its file; the temp folder is cleaned by the OS.
        }
    }
}
