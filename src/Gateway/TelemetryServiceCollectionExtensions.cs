using JourneyGrpc.Gateway.Internal.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace JourneyGrpc.Gateway;

/// <summary>Registers OpenTelemetry metrics and traces as the <c>Telemetry</c> section asks (README "Operate").</summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// ASP.NET Core's meters that describe this service: requests (<c>http.server.*</c>), Kestrel's connections and
    /// queues, unhandled exceptions, authentication and authorization. Not its memory-pool and routing meters
    /// (which OpenTelemetry's <c>AddAspNetCoreInstrumentation()</c> would add too): they record several measurements
    /// on every request and cost more than all the others together (bench/RESULTS.md "Telemetry cost"). Of what
    /// these meters record on every request, only the duration is kept: <see cref="PerRequestGaugesDropped"/> are
    /// not collected.
    /// </summary>
    private static readonly string[] AspNetCoreMeters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.Authentication",
        "Microsoft.AspNetCore.Authorization",
    ];

    /// <summary>ASP.NET Core's request activities (<c>Microsoft.AspNetCore.Hosting.HttpRequestIn</c>).</summary>
    private const string AspNetCoreActivitySource = "Microsoft.AspNetCore";

    /// <summary>
    /// Up-down counters that ASP.NET Core changes twice on every request (and HTTP/2 stream): as costly to aggregate
    /// as the duration histogram, and the in-flight count they give is the duration histograms' rate × latency.
    /// </summary>
    private static readonly string[] PerRequestGaugesDropped = ["http.server.active_requests", "kestrel.queued_requests"];

    /// <summary>
    /// Validates the <c>Telemetry</c> section now (an <see cref="OptionsValidationException"/> names the bad key)
    /// and, when metrics or traces are on, adds OpenTelemetry: ASP.NET Core, HttpClient, runtime and
    /// <c>rpc.server.duration</c> metrics plus <paramref name="meters"/>; ASP.NET Core, HttpClient and gateway spans
    /// plus <paramref name="sources"/>; Prometheus and OTLP exporters as configured. Off, it adds nothing.
    /// </summary>
    public static IServiceCollection AddTelemetry(
        this IServiceCollection services, IConfiguration configuration, string serviceName, IEnumerable<string>? meters = null, IEnumerable<string>? sources = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var validation = new TelemetryOptionsValidator().Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(TelemetryOptions), validation.Failures);
        }

        var otlpVariable = configuration[TelemetryOptions.OtlpEndpointVariable];
        if (string.IsNullOrEmpty(options.OtlpEndpoint) && !string.IsNullOrEmpty(otlpVariable) && !TelemetryOptionsValidator.IsHttpUrl(otlpVariable))
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(TelemetryOptions), [$"{TelemetryOptions.OtlpEndpointVariable} '{otlpVariable}' must be an absolute http:// or https:// URL."]);
        }

        var settings = TelemetrySettings.From(options, otlpVariable);
        var samplerFromVariables = settings.Tracing && options.SamplingRatio is null && TraceSamplerVariables.IsSet(configuration);
        if (samplerFromVariables && TraceSamplerVariables.Check(configuration).ToList() is { Count: > 0 } samplerFailures)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(TelemetryOptions), samplerFailures);
        }

        services.AddSingleton(settings);
        if (!settings.Metrics && !settings.Tracing)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(serviceName));
        if (settings.Metrics)
        {
            telemetry.WithMetrics(metrics =>
            {
                metrics.AddMeter(AspNetCoreMeters);
                foreach (var instrument in PerRequestGaugesDropped)
                {
                    metrics.AddView(instrument, MetricStreamConfiguration.Drop);
                }

                metrics
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(GatewayTelemetry.RpcMeterName)
                    .AddMeter([.. meters ?? []]);
                if (settings.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }

                if (settings.OtlpMetrics)
                {
                    metrics.AddOtlpExporter(otlp => Configure(otlp, options));
                }
            });
        }

        if (settings.Tracing)
        {
            telemetry.WithTracing(tracing =>
            {
                // ASP.NET Core's own request activity (tagged by RequestSpanCompletion when recorded), not
                // OpenTelemetry's ASP.NET Core instrumentation: that adds a diagnostic-listener pass on every
                // request and costs more than the span (bench/RESULTS.md "Telemetry cost").
                // Without Telemetry:SamplingRatio, OpenTelemetry builds the sampler from OTEL_TRACES_SAMPLER(_ARG)
                // when they are set (in this same configuration), checked above.
                if (!samplerFromVariables)
                {
                    tracing.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(options.SamplingRatio ?? 1)));
                }

                tracing.AddSource(AspNetCoreActivitySource)
                    .AddHttpClientInstrumentation()
                    .AddSource(GatewayTelemetry.SourceName)
                    .AddSource([.. sources ?? []]);
                if (settings.OtlpEndpoint is not null)
                {
                    tracing.AddOtlpExporter(otlp => Configure(otlp, options));
                }
            });
        }

        return services;
    }

    // Telemetry:OtlpEndpoint wins; otherwise the exporter reads the OTEL_EXPORTER_OTLP_* settings itself.
    private static void Configure(OpenTelemetry.Exporter.OtlpExporterOptions otlp, TelemetryOptions options)
    {
        if (!string.IsNullOrEmpty(options.OtlpEndpoint))
        {
            otlp.Endpoint = new Uri(options.OtlpEndpoint, UriKind.Absolute);
        }
    }
}
