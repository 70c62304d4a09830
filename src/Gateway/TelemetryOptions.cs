namespace JourneyGrpc.Gateway;

/// <summary>
/// Metrics and traces (OpenTelemetry), bound from configuration section <c>Telemetry</c> and validated at
/// start-up. All off by default: nothing listens, so nothing is measured or traced.
/// </summary>
public sealed class TelemetryOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Telemetry";

    /// <summary>The standard OpenTelemetry variable (and configuration key) for the OTLP endpoint.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The standard OpenTelemetry variable (and configuration key) naming the trace sampler, read when <see cref="SamplingRatio"/> is not set.</summary>
    public const string SamplerVariable = "OTEL_TRACES_SAMPLER";

    /// <summary>The standard OpenTelemetry variable (and configuration key) giving the ratio of the <c>*traceidratio</c> samplers.</summary>
    public const string SamplerArgumentVariable = "OTEL_TRACES_SAMPLER_ARG";

    /// <summary>Metrics on, served in the Prometheus text format at <c>GET /metrics</c> on the REST port.</summary>
    public bool Prometheus { get; set; }

    /// <summary>
    /// An OTLP collector (<c>http://host:4317</c> for gRPC, the default protocol; <c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>
    /// for port 4318): metrics and traces are exported there. <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> does the same.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>
    /// Whether metrics go to the OTLP endpoint too (default true). False: OTLP carries traces only, e.g. with
    /// Prometheus scraping the metrics, which OpenTelemetry would otherwise aggregate once for each.
    /// </summary>
    public bool OtlpMetrics { get; set; } = true;

    /// <summary>Traces recorded (spans for REST requests, gRPC calls and the store) even without OTLP, e.g. for trace ids in logs of sampled requests.</summary>
    public bool Tracing { get; set; }

    /// <summary>
    /// The share of new traces recorded, 0 to 1; a caller's sampled <c>traceparent</c> is always followed. Not set:
    /// the standard <c>OTEL_TRACES_SAMPLER</c> (and <c>OTEL_TRACES_SAMPLER_ARG</c>) when given, else 1 (every call).
    /// </summary>
    public double? SamplingRatio { get; set; }
}
