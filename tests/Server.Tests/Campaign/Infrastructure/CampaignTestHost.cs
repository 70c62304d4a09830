using JourneyGrpc.Campaign.V1;
using Grpc.Core;
using Grpc.Net.Client;
using JourneyGrpc.Server.Campaign;
using JourneyGrpc.Tests.Hosting;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Server.Tests.Campaign.Infrastructure;

/// <summary>
/// A server with only the campaign-status service, on real Kestrel over loopback: gRPC (h2c) with a
/// typed client, and the in-process REST gateway on a port of its own (HTTP/1.1) with an
/// <see cref="HttpClient"/>. The store is a SQLite file of its own unless the settings say otherwise.
/// </summary>
internal sealed class CampaignTestHost : IAsyncDisposable
{
    private readonly LoopbackTestHost _host;
    private readonly GrpcChannel _channel;
    private readonly GrpcChannel _posterChannel;
    private readonly CampaignStatusService.CampaignStatusServiceClient _poster;

    private CampaignTestHost(LoopbackTestHost host, CapturingLoggerProvider logs)
    {
        _host = host;
        Rest = new HttpClient { BaseAddress = host.RestAddress, Timeout = TestTimeouts.Default };
        Logs = logs;
        Address = host.GrpcAddress;
        _channel = GrpcChannel.ForAddress(Address);
        Client = new CampaignStatusService.CampaignStatusServiceClient(_channel);

        // Notifications go over a connection of their own, as OCS's would: a watch that stops reading
        // fills its connection's HTTP/2 window, which would stall unary calls sharing it.
        _posterChannel = GrpcChannel.ForAddress(Address);
        _poster = new CampaignStatusService.CampaignStatusServiceClient(_posterChannel);
    }

    internal Uri Address { get; }

    internal CampaignStatusService.CampaignStatusServiceClient Client { get; }

    /// <summary>A client of the REST gateway (HTTP/1.1), with its base address set.</summary>
    internal HttpClient Rest { get; }

    internal IServiceProvider Services => _host.Services;

    internal CapturingLoggerProvider Logs { get; }

    /// <summary>Starts a host; <paramref name="settings"/> are configuration keys such as <c>CampaignStatus:WatchBufferSize</c>.</summary>
    internal static async Task<CampaignTestHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var logs = new CapturingLoggerProvider();
        var host = await LoopbackTestHost.StartAsync(
            "campaign",
            (services, configuration) => services.AddCampaignStatus(configuration),
            app => app.MapCampaignStatus(),
            restGateway: true,
            settings: settings,
            configureLogging: logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug).AddFilter("JourneyGrpc", LogLevel.Debug),
            timeout: TestTimeouts.Default);
        return new CampaignTestHost(host, logs);
    }

    /// <summary>Records a notification through the typed client, on the posting connection.</summary>
    internal async Task<CampaignStatusEvent> ReportAsync(CampaignGroupStateNotification notification) =>
        (await _poster.ReportCampaignGroupStateAsync(new ReportCampaignGroupStateRequest { Notification = notification }).ResponseAsync.Bounded()).Event;

    public async ValueTask DisposeAsync()
    {
        Rest.Dispose();
        _channel.Dispose();
        _posterChannel.Dispose();
        await _host.DisposeAsync();
    }
}
