using JourneyGrpc.Server.Campaign;
using JourneyGrpc.Server.Hosting.Grpc;
using JourneyGrpc.Server.Journey;
using JourneyGrpc.Server.StartEvent;
using JourneyGrpc.Server.WebEngagement;
using JourneyGrpc.Tests.Hosting;

namespace JourneyGrpc.Conformance.Tests.Infrastructure;

/// <summary>
/// The domain services as the server hosts them (journey, campaign status, start events and engagement): gRPC (h2c) with
/// reflection on one loopback port, and the in-process REST gateway (HTTP/1.1, src/Gateway) on
/// another, over a SQLite store in a temporary folder, with a 0.5 s campaign heartbeat so the
/// clients' idle case is quick. Third-party clients (grpcio, grpc-js, curl) reach it as separate processes.
/// </summary>
public sealed class DomainConformanceServer : IAsyncLifetime
{
    private LoopbackTestHost? _host;

    public int GrpcPort { get; private set; }

    public Uri RestAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _host = await LoopbackTestHost.StartAsync(
            "domain",
            (services, configuration) =>
            {
                services.AddJourneyService(configuration);
                services.AddCampaignStatus(configuration);
                services.AddStartEvent(configuration);
                services.AddEngagementService(configuration);
            },
            app =>
            {
                app.MapJourneyService();
                app.MapCampaignStatus();
                app.MapStartEvent();
                app.MapEngagementService();
                app.MapGrpcInfrastructure();
            },
            restGateway: true,
            settings: new Dictionary<string, string?> { ["CampaignStatus:HeartbeatInterval"] = "00:00:00.5" });
        GrpcPort = _host.GrpcAddress.Port;
        RestAddress = _host.RestAddress!;
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
