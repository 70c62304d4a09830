using System.Diagnostics;
using Grpc.Health.V1;
using JourneyGrpc.Server.Tests.Hosting.Infrastructure;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace JourneyGrpc.Server.Tests.Hosting.Telemetry;

/// <summary>
/// Which calls are traced: <c>Telemetry:SamplingRatio</c> when set, else the standard <c>OTEL_TRACES_SAMPLER</c> and
/// <c>OTEL_TRACES_SAMPLER_ARG</c> (checked at start-up), else every call.
/// </summary>
[Collection(TracingCollection.Name)]
public sealed class TraceSamplerTests
{
    private const string Path = "/api/journey/v1/accounts/ABCDEF/engagements/0b6f1e2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b";

    private const string CallerTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";

    [Theory]
    [InlineData(false, "--OTEL_TRACES_SAMPLER=parentbased_traceidratio", "--OTEL_TRACES_SAMPLER_ARG=0")]
    [InlineData(false, "--OTEL_TRACES_SAMPLER=PARENTBASED_ALWAYS_OFF")]
    [InlineData(true, "--OTEL_TRACES_SAMPLER=parentbased_traceidratio", "--OTEL_TRACES_SAMPLER_ARG=0", "--Telemetry:SamplingRatio=1")]
    [InlineData(true)]
    public async Task NewTrace_SampledAsConfigured_CallersSampledTraceFollowed(bool newTraceSampled, params string[] sampling)
    {
        var spans = new List<Activity>();
        var requestsEnded = new SpanEndSignal("Microsoft.AspNetCore", count: newTraceSampled ? 2 : 1);
        await using var server = await RunningServer.StartAsync(
            services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans).AddProcessor(requestsEnded)),
            ["--Server:RestUrl=http://127.0.0.1:0", "--Telemetry:Tracing=true", .. sampling]);

        // One connection, no traceparent of the client's own: the first request starts a new trace; once the
        // second (continuing a caller's sampled trace) has ended, the first one's span would have.
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1, ActivityHeadersPropagator = null })
        {
            BaseAddress = server.RestAddress,
            Timeout = RunningServer.Timeout,
        };
        using (var fresh = await client.GetAsync(Path))
        {
            Assert.Equal(404, (int)fresh.StatusCode);
        }

        using var continued = new HttpRequestMessage(HttpMethod.Get, Path);
        continued.Headers.Add("traceparent", $"00-{CallerTraceId}-00f067aa0ba902b7-01");
        using (var response = await client.SendAsync(continued))
        {
            Assert.Equal(404, (int)response.StatusCode);
        }

        await requestsEnded.Ended.WaitAsync(RunningServer.Timeout);
        var requests = ExportedSpans.Snapshot(spans).Where(s => s.Source.Name == "Microsoft.AspNetCore").ToList();

        Assert.Equal(newTraceSampled ? 2 : 1, requests.Count);
        Assert.Equal(CallerTraceId, requests[^1].TraceId.ToHexString());
    }

    [Theory]
    [InlineData("OTEL_TRACES_SAMPLER 'sometimes' must be one of always_on, always_off, traceidratio, parentbased_always_on, parentbased_always_off, parentbased_traceidratio.", "--OTEL_TRACES_SAMPLER=sometimes")]
    [InlineData("OTEL_TRACES_SAMPLER_ARG '1.5' must be a ratio between 0 and 1 for OTEL_TRACES_SAMPLER=traceidratio.", "--OTEL_TRACES_SAMPLER=traceidratio", "--OTEL_TRACES_SAMPLER_ARG=1.5")]
    [InlineData("OTEL_TRACES_SAMPLER_ARG 'half' must be a ratio between 0 and 1 for OTEL_TRACES_SAMPLER=parentbased_traceidratio.", "--OTEL_TRACES_SAMPLER=parentbased_traceidratio", "--OTEL_TRACES_SAMPLER_ARG=half")]
    public async Task Start_BadSamplerVariables_RefusesNamingTheVariable(string message, params string[] sampling)
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningServer.StartAsync(["--Telemetry:Tracing=true", .. sampling]));

        Assert.Equal(message, exception.Message);
    }

    [Theory]
    [InlineData("--Telemetry:Tracing=true", "--Telemetry:SamplingRatio=0.5")]
    [InlineData("--Telemetry:Tracing=false")]
    public async Task Start_SamplerVariablesNotUsed_NotChecked(params string[] telemetry)
    {
        await using var server = await RunningServer.StartAsync([.. telemetry, "--OTEL_TRACES_SAMPLER=sometimes"]);

        var health = await new Health.HealthClient(server.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }
}
