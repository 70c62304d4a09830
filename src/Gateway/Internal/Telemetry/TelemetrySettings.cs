namespace JourneyGrpc.Gateway.Internal.Telemetry;

/// <summary>What the <c>Telemetry</c> section turned on, resolved once at start-up.</summary>
internal sealed record TelemetrySettings(bool Metrics, bool Tracing, bool Prometheus, Uri? OtlpEndpoint, bool OtlpMetrics)
{
    internal static TelemetrySettings From(TelemetryOptions options, string? otlpVariable)
    {
        var endpoint = !string.IsNullOrEmpty(options.OtlpEndpoint) ? options.OtlpEndpoint
            : !string.IsNullOrEmpty(otlpVariable) ? otlpVariable
            : null;
        var otlp = endpoint is null ? null : new Uri(endpoint, UriKind.Absolute);
        var otlpMetrics = otlp is not null && options.OtlpMetrics;
        return new(options.Prometheus || otlpMetrics, options.Tracing || otlp is not null, options.Prometheus, otlp, otlpMetrics);
    }
}
