using System.Net;
using JourneyGrpc.Gateway.Host;
using JourneyGrpc.Gateway.TestService;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyGrpc.Gateway.Tests.Host;

/// <summary>
/// The standalone gateway round-robin over two upstreams: calls are spread over both, and once one
/// upstream is gone the gateway stops picking it (Grpc.Net.Client's round_robin keeps only ready
/// connections), so every later call is answered by the other instead of every second one failing 503.
/// </summary>
public sealed class ForwardingFailoverTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly Upstream _first = new();
    private readonly Upstream _second = new();
    private WebApplication? _gateway;
    private HttpClient? _client;

    public async Task InitializeAsync()
    {
        await _first.StartAsync();
        await _second.StartAsync();
        _gateway = GatewayHost.Build(
            [$"--Gateway:Upstreams:0={_first.GrpcAddress}", $"--Gateway:Upstreams:1={_second.GrpcAddress}", "--Gateway:ListenUrl=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"],
            GatewayTestHosts.Services);
        await _gateway.StartAsync().WaitAsync(Bound);
        _client = new HttpClient { BaseAddress = Addresses(_gateway)[0], Timeout = Bound };
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_gateway is not null)
        {
            await _gateway.StopAsync().WaitAsync(Bound);
            await _gateway.DisposeAsync();
        }

        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task Forward_OneUpstreamStopped_LaterCallsAllAnsweredByTheOther()
    {
        // Both upstreams take calls while both are up.
        using (var spread = new CancellationTokenSource(Bound))
        {
            while (_first.Calls == 0 || _second.Calls == 0)
            {
                Assert.Equal(HttpStatusCode.OK, await CallAsync(spread.Token) ?? throw new TimeoutException("The gateway did not reach both upstreams."));
            }
        }

        await _second.StopAsync();
        var secondCalls = _second.Calls;

        // The gateway notices the closed connection (and the refused reconnects) by itself; wait for that,
        // bounded, then every call must succeed on the first upstream.
        var failedWhileNoticing = 0;
        using (var noticing = new CancellationTokenSource(Bound))
        {
            for (var succeeded = 0; succeeded < 10;)
            {
                var status = await CallAsync(noticing.Token) ?? throw new TimeoutException(
                    $"Not 10 successes in a row within {Bound.TotalSeconds} s of stopping one upstream ({failedWhileNoticing} calls failed): the gateway keeps picking it.");
                succeeded = status == HttpStatusCode.OK ? succeeded + 1 : 0;
                failedWhileNoticing += status == HttpStatusCode.OK ? 0 : 1;
            }
        }

        var firstCalls = _first.Calls;
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            statuses.Add(await CallAsync(CancellationToken.None) ?? HttpStatusCode.RequestTimeout);
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal((firstCalls + 40, secondCalls), (_first.Calls, _second.Calls));
        // Only calls racing the closing connection may fail; a gateway that kept picking the stopped upstream fails every second one.
        Assert.InRange(failedWhileNoticing, 0, 10);
    }

    /// <summary>One REST call's status; null when <paramref name="cancellationToken"/> ran out first.</summary>
    private async Task<HttpStatusCode?> CallAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _client!.GetAsync(new Uri("/v1/accounts/acme/bind", UriKind.Relative), cancellationToken);
            return response.StatusCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static Uri[] Addresses(WebApplication app) =>
        [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a))];

    /// <summary>A test-service host that counts the gRPC calls it was sent.</summary>
    private sealed class Upstream : IAsyncDisposable
    {
        private readonly WebApplication _app = GatewayTestHosts.BuildInProcess();
        private int _calls;
        private bool _running;

        internal Upstream()
        {
            _app.Use(async (context, next) =>
            {
                Interlocked.Increment(ref _calls);
                await next(context);
            });
        }

        internal int Calls => Volatile.Read(ref _calls);

        internal Uri GrpcAddress { get; private set; } = null!;

        internal async Task StartAsync()
        {
            await _app.StartAsync().WaitAsync(Bound);
            _running = true;
            GrpcAddress = Addresses(_app)[0];
        }

        internal async Task StopAsync()
        {
            if (_running)
            {
                _running = false;
                await _app.StopAsync().WaitAsync(Bound);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            await _app.DisposeAsync();
        }
    }
}
