using JourneyGrpc.Server.Tests.Hosting.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Server.Tests.Hosting.Telemetry;

/// <summary>
/// With telemetry off, the standalone gateway's log lines and its upstream's still join on the trace id: the gateway
/// continues the caller's W3C trace (or starts one) and its call upstream carries it in <c>traceparent</c>.
/// </summary>
[Collection(TracingCollection.Name)]
public sealed class LogCorrelationTests
{
    private const string CallerTraceId = "0af7651916cd43dd8448eb211c80319c";

    [Fact]
    public async Task RestCall_ThroughStandaloneGateway_TelemetryOff_UpstreamLogsCarryTheTraceId()
    {
        var hosting = new ScopeCapturingLoggerProvider("Microsoft.AspNetCore.Hosting.Diagnostics");
        await using var server = await RunningServer.StartAsync(
            services => services.AddLogging(logging => logging.AddProvider(hosting)),
            "--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=Information");
        await using var gateway = JourneyGrpc.Gateway.Host.GatewayHost.Build([$"--Gateway:Upstreams:0={server.Address}", "--Gateway:ListenUrl=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        await gateway.StartAsync().WaitAsync(RunningServer.Timeout);
        using var client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null })
        {
            BaseAddress = new Uri(gateway.Urls.Single()),
            Timeout = RunningServer.Timeout,
        };

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/journey/v1/accounts/ABCDEF/engagements/0b6f1e2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b");
        request.Headers.Add("traceparent", $"00-{CallerTraceId}-b7ad6b7169203331-00");
        using var response = await client.SendAsync(request);
        await gateway.StopAsync().WaitAsync(RunningServer.Timeout);

        Assert.Equal(404, (int)response.StatusCode);

        // The upstream's "Request starting" line (event 1) for the forwarded call, written before it answered.
        var started = Assert.Single(hosting.Entries, e => e.EventId.Id == 1 && e.Scopes.GetValueOrDefault("RequestPath") == "/journeygrpc.journey.v1.JourneyService/GetEngagement");
        Assert.Equal(CallerTraceId, started.Scopes.GetValueOrDefault("TraceId"));

        // Its parent is the gateway's request, not the caller's span: the gateway took part in the trace.
        var parent = Assert.IsType<string>(started.Scopes.GetValueOrDefault("ParentId"));
        Assert.Matches("^[0-9a-f]{16}$", parent);
        Assert.NotEqual("b7ad6b7169203331", parent);
    }
}
