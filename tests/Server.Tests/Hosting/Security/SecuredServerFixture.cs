using JourneyGrpc.Gateway.Host;
using JourneyGrpc.Server.Tests.Hosting.Infrastructure;
using JourneyGrpc.Tests.Hosting;
using Microsoft.AspNetCore.Builder;

namespace JourneyGrpc.Server.Tests.Hosting.Security;

/// <summary>
/// One server with authentication on (JWT + an appkey client), gRPC and the in-process REST gateway, and the
/// standalone gateway forwarding to it, shared by a test class.
/// </summary>
public sealed class SecuredServerFixture : IAsyncLifetime
{
    private WebApplication? _forwarding;

    internal TestCredentials Credentials { get; } = new();

    internal RunningServer Server { get; private set; } = null!;

    /// <summary>The REST address in <paramref name="mode"/>: the server's own gateway, or the standalone one in front of it.</summary>
    internal Uri RestAddress(string mode) => mode == "forwarding" ? new Uri(_forwarding!.Urls.Single()) : Server.RestAddress!;

    public async Task InitializeAsync()
    {
        // A short campaign heartbeat, so a watch that has nothing to say yet still answers promptly.
        Server = await RunningServer.StartAsync([.. Credentials.Settings, "--Server:RestUrl=http://127.0.0.1:0", "--CampaignStatus:HeartbeatInterval=00:00:00.5"]);
        _forwarding = GatewayHost.Build([$"--Gateway:Upstreams:0={Server.Address}", "--Gateway:ListenUrl=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        await _forwarding.StartAsync().WaitAsync(RunningServer.Timeout);
    }

    public async Task DisposeAsync()
    {
        if (_forwarding is not null)
        {
            await _forwarding.StopAsync().WaitAsync(RunningServer.Timeout);
            await _forwarding.DisposeAsync();
        }

        await Server.DisposeAsync();
    }
}
