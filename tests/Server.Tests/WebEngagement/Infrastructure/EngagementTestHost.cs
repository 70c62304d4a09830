using Grpc.Net.Client;
using JourneyGrpc.Server.Tests.Campaign.Infrastructure;
using JourneyGrpc.Server.WebEngagement;
using JourneyGrpc.Tests.Hosting;
using JourneyGrpc.WebEngagement.V1;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyGrpc.Server.Tests.WebEngagement.Infrastructure;

/// <summary>
/// A server with only the engagement service on real Kestrel over loopback, on a SQLite file of its own,
/// with the test clock: gRPC (h2c) with a typed client, and the in-process REST gateway (HTTP/1.1).
/// </summary>
internal sealed class EngagementTestHost : IAsyncDisposable
{
    private readonly LoopbackTestHost _host;
    private readonly GrpcChannel _channel;

    private EngagementTestHost(LoopbackTestHost host, ObservableTimeProvider clock)
    {
        _host = host;
        Clock = clock;
        Rest = new HttpClient { BaseAddress = host.RestAddress, Timeout = TestTimeouts.Default };
        _channel = GrpcChannel.ForAddress(host.GrpcAddress);
        Client = new EngagementService.EngagementServiceClient(_channel);
    }

    internal EngagementService.EngagementServiceClient Client { get; }

    /// <summary>The gRPC (h2c) listener's address, for a gateway forwarding to this server.</summary>
    internal Uri GrpcAddress => _host.GrpcAddress;

    /// <summary>A client of the REST gateway, with its base address set.</summary>
    internal HttpClient Rest { get; }

    /// <summary>The server's clock: time moves only when a test advances it.</summary>
    internal ObservableTimeProvider Clock { get; }

    /// <summary>Starts a host; <paramref name="settings"/> are configuration keys such as <c>Engagement:StrictEngagementMode</c>.</summary>
    internal static async Task<EngagementTestHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var clock = new ObservableTimeProvider();
        var host = await LoopbackTestHost.StartAsync(
            "engagement",
            (services, configuration) =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.AddEngagementService(configuration);
            },
            app => app.MapEngagementService(),
            restGateway: true,
            settings: settings,
            timeout: TestTimeouts.Default);
        return new EngagementTestHost(host, clock);
    }

    public async ValueTask DisposeAsync()
    {
        Rest.Dispose();
        _channel.Dispose();
        await _host.DisposeAsync();
    }
}
