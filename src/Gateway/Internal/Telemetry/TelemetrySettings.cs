namespace JourneyGrpc.Gateway.Internal.Telemetry;

/// <summary>What the <c>Telemetry</c> section turned on, resolved once at start-up.</summary>
internal sealed record TelemetrySettings(bool Metrics, bool Tracing, bool Prometheus, Uri? OtlpEndpoint)
{
    internal static TelemetrySettings From(TelemetryOptions options, string? otlpVariable)
    {
        var endpoint = !string.IsNullOrEmpty(options.OtlpEndpoint) ? options.OtlpEndpoint
            : !string.IsNullOrEmpty(otlpVariable) ? otlpVariable
            : null;
        var otlp = endpoint is null ? null : new Uri(endpoint, UriKind.Absolute);
        return new(options.Prometheus || otlp is not null, options.Tracing || otlp is not null, options.Prometheus, otlp);
    }
}
