using System.Diagnostics;
using System.Text.RegularExpressions;
using Grpc.Core;
using JourneyGrpc.Journey.V1;
using JourneyGrpc.Server.Tests.Hosting.Infrastructure;
using JourneyGrpc.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace JourneyGrpc.Server.Tests.Hosting.Telemetry;

/// <summary>
/// Issue 16: metrics scraped from <c>/metrics</c> on the REST port after real gRPC and REST calls, one trace
/// from the REST request through the in-process gRPC call to the store, and the trace ids in the logs.
/// </summary>
[Collection(TracingCollection.Name)]
public sealed partial class TelemetryTests
{
    private const string Account = "ABCDEF";
    private const string MissingEngagement = "0b6f1e2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b";

    [Fact]
    public async Task Scrape_AfterGrpcAndRestCalls_RequestCountAndLatencyPerMethodAndRoute()
    {
        await using var server = await RunningServer.StartAsync("--Server:RestUrl=http://127.0.0.1:0", "--Telemetry:Prometheus=true");
        var journeys = new JourneyService.JourneyServiceClient(server.Channel);

        // Two gRPC calls ending NOT_FOUND (an engagement that does not exist), one REST call of the same method.
        for (var i = 0; i < 2; i++)
        {
            var failure = await Assert.ThrowsAsync<RpcException>(() => journeys.GetEngagementAsync(new GetEngagementRequest { AccountId = Account, EngagementId = MissingEngagement }).ResponseAsync);
            Assert.Equal(Grpc.Core.StatusCode.NotFound, failure.StatusCode);
        }

        // One connection: Kestrel finishes a request (and records its metrics) before it reads the next one.
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = server.RestAddress, Timeout = RunningServer.Timeout };
        using (var response = await client.GetAsync($"/api/journey/v1/accounts/{Account}/engagements/{MissingEngagement}"))
        {
            Assert.Equal(404, (int)response.StatusCode);
        }

        using var scrape = await client.GetAsync("/metrics");
        var text = await scrape.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)scrape.StatusCode);
        Assert.Equal(2, Sample(text, "rpc_server_duration_milliseconds_count", ("rpc_method", "GetEngagement"), ("rpc_service", "journeygrpc.journey.v1.JourneyService"), ("rpc_grpc_status_code", "5")));
        Assert.Equal(2, Sample(text, "rpc_server_duration_milliseconds_bucket", ("rpc_method", "GetEngagement"), ("rpc_grpc_status_code", "5"), ("le", "+Inf")));
        Assert.Equal(1, Sample(text, "http_server_request_duration_seconds_count", ("http_route", "/api/journey/v1/accounts/{account_id}/engagements/{engagement_id}"), ("http_request_method", "GET"), ("http_response_status_code", "404")));
        Assert.Equal(1, Sample(text, "http_server_request_duration_seconds_bucket", ("http_route", "/api/journey/v1/accounts/{account_id}/engagements/{engagement_id}"), ("le", "+Inf")));
        Assert.Contains("dotnet_gc_collections_total", text, StringComparison.Ordinal);

        // A gRPC call is recorded once (rpc.server.duration), not also as an HTTP request; the per-request
        // memory-pool, routing, active-request and request-queue measurements are not collected; Kestrel's connection
        // metrics are.
        Assert.DoesNotContain("http_route=\"/journeygrpc.journey.v1.JourneyService/GetEngagement\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("aspnetcore_memory_pool", text, StringComparison.Ordinal);
        Assert.DoesNotContain("aspnetcore_routing_match_attempts", text, StringComparison.Ordinal);
        Assert.DoesNotContain("http_server_active_requests", text, StringComparison.Ordinal);
        Assert.DoesNotContain("kestrel_queued_requests", text, StringComparison.Ordinal);
        Assert.Contains("kestrel_active_connections", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_PrometheusOff_Is404()
    {
        await using var server = await RunningServer.StartAsync("--Server:RestUrl=http://127.0.0.1:0");
        using var client = new HttpClient { BaseAddress = server.RestAddress, Timeout = RunningServer.Timeout };

        using var response = await client.GetAsync("/metrics");

        Assert.Equal(404, (int)response.StatusCode);
    }

    [Fact]
    public async Task Start_PrometheusWithoutRestPort_RefusesNamingTheSetting()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningServer.StartAsync("--Telemetry:Prometheus=true"));

        Assert.StartsWith("Telemetry:Prometheus=true serves /metrics on the REST port", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Otlp_MetricsOnlyWhenOtlpMetricsOn_TracesEitherWay(bool otlpMetrics)
    {
        await using var collector = await OtlpCollectorStub.StartAsync();
        await using var server = await RunningServer.StartAsync(
            "--Server:RestUrl=http://127.0.0.1:0", "--Telemetry:Prometheus=true",
            $"--Telemetry:OtlpEndpoint={collector.Address}", $"--Telemetry:OtlpMetrics={otlpMetrics}");
        var journeys = new JourneyService.JourneyServiceClient(server.Channel);
        await Assert.ThrowsAsync<RpcException>(() => journeys.GetEngagementAsync(new GetEngagementRequest { AccountId = Account, EngagementId = MissingEngagement }).ResponseAsync);

        // Flushing exports what was recorded and returns when the collector has answered. (The metrics flush reports
        // false whenever Prometheus is on: a scraped exporter has nothing to flush; the OTLP reader still exports.)
        Assert.True(server.Services.GetRequiredService<TracerProvider>().ForceFlush((int)RunningServer.Timeout.TotalMilliseconds));
        server.Services.GetRequiredService<MeterProvider>().ForceFlush((int)RunningServer.Timeout.TotalMilliseconds);

        Assert.Contains(OtlpCollectorStub.TraceExport, collector.Exports);
        Assert.Equal(otlpMetrics, collector.Exports.Contains(OtlpCollectorStub.MetricsExport));
    }

    [Fact]
    public async Task Start_BadOtlpEndpoint_RefusesNamingTheSetting()
    {
        var exception = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => RunningServer.StartAsync("--Telemetry:OtlpEndpoint=collector:4317"));

        Assert.Equal("Telemetry:OtlpEndpoint 'collector:4317' must be an absolute http:// or https:// URL, e.g. http://127.0.0.1:4317.", exception.Message);
    }

    [Fact]
    public async Task RestCall_Traced_OneTraceFromGatewayThroughServiceToStore_IdsInLogs()
    {
        var spans = new List<Activity>();
        var requestEnded = new SpanEndSignal("Microsoft.AspNetCore");
        var logs = new ScopeCapturingLoggerProvider("JourneyGrpc.Gateway");
        await using var server = await RunningServer.StartAsync(
            services =>
            {
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans).AddProcessor(requestEnded));
                services.AddLogging(logging => logging.AddProvider(logs));
            },
            "--Server:RestUrl=http://127.0.0.1:0",
            "--Telemetry:Tracing=true",
            "--Logging:LogLevel:JourneyGrpc.Gateway=Debug");
        using var client = new HttpClient { BaseAddress = server.RestAddress, Timeout = RunningServer.Timeout };

        using var response = await client.GetAsync($"/api/journey/v1/accounts/{Account}/engagements/{MissingEngagement}");
        await requestEnded.Ended.WaitAsync(RunningServer.Timeout);

        Assert.Equal(404, (int)response.StatusCode);
        var trace = ExportedSpans.Snapshot(spans);

        var rest = Assert.Single(trace, s => s.Source.Name == "Microsoft.AspNetCore");
        var grpc = Assert.Single(trace, s => s.Source.Name == "JourneyGrpc.Gateway");
        var store = trace.Where(s => s.Source.Name == "JourneyGrpc.Store").ToList();
        Assert.NotEmpty(store);
        Assert.All(trace, s => Assert.Equal(rest.TraceId, s.TraceId));
        Assert.Equal(
            (ActivityKind.Server, "GET /api/journey/v1/accounts/{account_id}/engagements/{engagement_id}", "journeygrpc.journey.v1.JourneyService/GetEngagement", ActivityKind.Internal, rest.SpanId, "5"),
            (rest.Kind, rest.DisplayName, grpc.DisplayName, grpc.Kind, grpc.ParentSpanId, grpc.GetTagItem("rpc.grpc.status_code")?.ToString()));
        Assert.All(store, s => Assert.Equal((grpc.SpanId, ActivityKind.Client, "sqlite"), (s.ParentSpanId, s.Kind, s.GetTagItem("db.system.name")?.ToString())));

        // The REST span carries the HTTP semantic-convention tags from its start and its end.
        Assert.Equal(
            ("GET", $"/api/journey/v1/accounts/{Account}/engagements/{MissingEngagement}", "/api/journey/v1/accounts/{account_id}/engagements/{engagement_id}", (object)404, "1.1", ActivityStatusCode.Unset),
            (rest.GetTagItem("http.request.method"), rest.GetTagItem("url.path"), rest.GetTagItem("http.route"), rest.GetTagItem("http.response.status_code"), rest.GetTagItem("network.protocol.version"), rest.Status));

        // The gateway's "call ended with NotFound" line (event 5) was written inside the trace, naming its span.
        var line = Assert.Single(logs.Entries, e => e.EventId.Id == 5);
        Assert.Equal((rest.TraceId.ToHexString(), grpc.SpanId.ToHexString()), (line.Scopes.GetValueOrDefault("TraceId"), line.Scopes.GetValueOrDefault("SpanId")));
    }

    [Fact]
    public async Task RestCall_Traced_ServerErrorMarksTheSpan()
    {
        var spans = new List<Activity>();
        var requestEnded = new SpanEndSignal("Microsoft.AspNetCore");
        await using var server = await RunningServer.StartAsync(
            services =>
            {
                services.Remove(services.Single(d => d.ServiceType == typeof(IJourneyStore)));
                services.AddSingleton(provider => FaultingStore.Wrap(provider.GetRequiredService<JourneyStore>()));
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans).AddProcessor(requestEnded));
            },
            "--Server:RestUrl=http://127.0.0.1:0",
            "--Telemetry:Tracing=true");
        using var client = new HttpClient { BaseAddress = server.RestAddress, Timeout = RunningServer.Timeout };

        FaultingStore.Failing = true;
        try
        {
            using var response = await client.GetAsync($"/api/journey/v1/accounts/{Account}/engagements/{MissingEngagement}");
            await requestEnded.Ended.WaitAsync(RunningServer.Timeout);
            Assert.Equal(500, (int)response.StatusCode);
        }
        finally
        {
            FaultingStore.Failing = false;
        }

        var trace = ExportedSpans.Snapshot(spans);

        var rest = Assert.Single(trace, s => s.Source.Name == "Microsoft.AspNetCore");
        Assert.Equal(
            ((object)500, "500", ActivityStatusCode.Error),
            (rest.GetTagItem("http.response.status_code"), rest.GetTagItem("error.type"), rest.Status));
    }

    [Fact]
    public async Task Scrape_Traced_NotASpan()
    {
        var spans = new List<Activity>();
        var requestEnded = new SpanEndSignal("Microsoft.AspNetCore");
        await using var server = await RunningServer.StartAsync(
            services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans).AddProcessor(requestEnded)),
            "--Server:RestUrl=http://127.0.0.1:0",
            "--Telemetry:Prometheus=true",
            "--Telemetry:Tracing=true");
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = server.RestAddress, Timeout = RunningServer.Timeout };

        // The scrape first, then a REST request on the same connection: once its span has ended, the scrape's would have.
        using (var scrape = await client.GetAsync("/metrics"))
        {
            Assert.Equal(200, (int)scrape.StatusCode);
        }

        using var response = await client.GetAsync($"/api/journey/v1/accounts/{Account}/engagements/{MissingEngagement}");
        await requestEnded.Ended.WaitAsync(RunningServer.Timeout);

        var trace = ExportedSpans.Snapshot(spans);

        var only = Assert.Single(trace, s => s.Source.Name == "Microsoft.AspNetCore");
        Assert.Equal("GET /api/journey/v1/accounts/{account_id}/engagements/{engagement_id}", only.DisplayName);
    }

    [Fact]
    public async Task RestCall_ThroughStandaloneGateway_TraceparentContinuedByUpstream()
    {
        // Both hosts run in this process, so this provider sees the spans of both; they are joined only by the
        // traceparent header the gateway's HTTP/2 request carries (Kestrel starts the upstream's span from it).
        var spans = new List<Activity>();
        var requestsEnded = new SpanEndSignal("Microsoft.AspNetCore", count: 2);
        await using var server = await RunningServer.StartAsync(
            services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans).AddProcessor(requestsEnded)),
            "--Telemetry:Tracing=true");
        await using var gateway = JourneyGrpc.Gateway.Host.GatewayHost.Build([$"--Gateway:Upstreams:0={server.Address}", "--Gateway:ListenUrl=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Telemetry:Tracing=true"]);
        await gateway.StartAsync().WaitAsync(RunningServer.Timeout);
        using var client = new HttpClient { BaseAddress = new Uri(gateway.Urls.Single()), Timeout = RunningServer.Timeout };

        using var response = await client.GetAsync($"/api/journey/v1/accounts/{Account}/engagements/{MissingEngagement}");
        await requestsEnded.Ended.WaitAsync(RunningServer.Timeout);
        await gateway.StopAsync().WaitAsync(RunningServer.Timeout);

        Assert.Equal(404, (int)response.StatusCode);
        var trace = ExportedSpans.Snapshot(spans);

        var call = Assert.Single(trace, s => s.Source.Name == "JourneyGrpc.Gateway");
        // The upstream's span continues the trace from the traceparent of the gateway's HTTP/2 request (under the
        // gateway's gRPC span, with Grpc.Net.Client's own unexported activity in between).
        var upstream = Assert.Single(trace, s => s.Source.Name == "Microsoft.AspNetCore" && s.DisplayName == "POST /journeygrpc.journey.v1.JourneyService/GetEngagement");
        var request = Assert.Single(trace, s => s.SpanId == upstream.ParentSpanId);
        Assert.Equal(
            (ActivityKind.Client, ActivityKind.Server, call.TraceId, "System.Net.Http", ActivityKind.Client, call.TraceId),
            (call.Kind, upstream.Kind, upstream.TraceId, request.Source.Name, request.Kind, request.TraceId));
        Assert.True(request.StartTimeUtc >= call.StartTimeUtc && request.StartTimeUtc + request.Duration <= call.StartTimeUtc + call.Duration, "the HTTP/2 request runs inside the gateway's gRPC span");
        Assert.Contains(trace, s => s.Source.Name == "JourneyGrpc.Store" && s.TraceId == call.TraceId);
    }

    /// <summary>The value of the one sample of <paramref name="metric"/> whose labels include <paramref name="labels"/>; fails unless exactly one matches.</summary>
    private static double Sample(string exposition, string metric, params (string Name, string Value)[] labels)
    {
        var matches = exposition.Split('\n')
            .Select(line => SampleLine().Match(line))
            .Where(m => m.Success && m.Groups["name"].Value == metric)
            .Where(m => labels.All(l => m.Groups["labels"].Value.Contains($"{l.Name}=\"{l.Value}\"", StringComparison.Ordinal)))
            .ToList();
        Assert.True(matches.Count == 1, $"{matches.Count} samples of {metric} with {string.Join(", ", labels)} in:\n{exposition}");
        return double.Parse(matches[0].Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)\{(?<labels>.*)\} (?<value>\S+)")]
    private static partial Regex SampleLine();
}
