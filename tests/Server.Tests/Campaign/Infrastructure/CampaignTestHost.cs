using System.Net;
using JourneyGrpc.Campaign.V1;
using JourneyGrpc.Gateway;
using JourneyGrpc.Rpc;
using JourneyGrpc.Server.Campaign;
using JourneyGrpc.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Server.Tests.Campaign.Infrastructure;

/// <summary>
/// A server with only the campaign-status service, on real Kestrel over loopback: gRPC (h2c) with a
/// typed client, and the in-process REST gateway on a port of its own (HTTP/1.1) with an
/// <see cref="HttpClient"/>. The store is a SQLite file of its own unless the settings say otherwise.
/// </summary>
internal sealed class CampaignTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RpcChannel _channel;
    private readonly RpcChannel _posterChannel;
    private readonly CampaignStatusService.CampaignStatusServiceClient _poster;
    private readonly TempDirectory? _directory;

    private CampaignTestHost(WebApplication app, Uri address, Uri restAddress, TempDirectory? directory, CapturingLoggerProvider logs)
    {
        _app = app;
        Rest = new HttpClient { BaseAddress = restAddress, Timeout = TestTimeouts.Default };
        Logs = logs;
        _directory = directory;
        Address = address;
        _channel = RpcChannel.ForAddress(address);
        Client = new CampaignStatusService.CampaignStatusServiceClient(_channel);

        // Notifications go over a connection of their own, as OCS's would: a watch that stops reading
        // fills its connection's HTTP/2 window, which would stall unary calls sharing it.
        _posterChannel = RpcChannel.ForAddress(address);
        _poster = new CampaignStatusService.CampaignStatusServiceClient(_posterChannel);
    }

    internal Uri Address { get; }

    internal CampaignStatusService.CampaignStatusServiceClient Client { get; }

    /// <summary>A client of the REST gateway (HTTP/1.1), with its base address set.</summary>
    internal HttpClient Rest { get; }

    internal IServiceProvider Services => _app.Services;

    internal CapturingLoggerProvider Logs { get; }

    /// <summary>Starts a host; <paramref name="settings"/> are configuration keys such as <c>CampaignStatus:WatchBufferSize</c>.</summary>
    internal static async Task<CampaignTestHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var configuration = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        TempDirectory? directory = null;
        if (!configuration.ContainsKey("Store:Provider"))
        {
            directory = new TempDirectory();
            configuration["Store:Provider"] = "sqlite";
            configuration["Store:SqlitePath"] = Path.Combine(directory.Path, "campaign.db");
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.ClearProviders();
        var logs = new CapturingLoggerProvider();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug).AddFilter("JourneyGrpc", LogLevel.Debug);
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
        builder.Services.AddCampaignStatus(builder.Configuration);
        builder.Services.AddRestGateway();
        var app = builder.Build();
        app.MapCampaignStatus();
        app.MapRestGateway();
        await app.StartAsync().Bounded();

        // Kestrel reports the listeners in the order they were configured.
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToList();
        return new CampaignTestHost(app, new Uri(addresses[0]), new Uri(addresses[1]), directory, logs);
    }

    /// <summary>Records a notification through the typed client, on the posting connection.</summary>
    internal async Task<CampaignStatusEvent> ReportAsync(CampaignGroupStateNotification notification) =>
        (await _poster.ReportCampaignGroupStateAsync(new ReportCampaignGroupStateRequest { Notification = notification }).ResponseAsync.Bounded()).Event;

    public async ValueTask DisposeAsync()
    {
        Rest.Dispose();
        _channel.Dispose();
        _posterChannel.Dispose();
        await _app.StopAsync().Bounded();
        await _app.DisposeAsync().AsTask().Bounded();
        _directory?.Dispose();
    }
}
