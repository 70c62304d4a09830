namespace JourneyGrpc.Gateway;

/// <summary>The names this library's telemetry is published under (README "Operate").</summary>
public static class GatewayTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> of the gRPC span under each REST request.</summary>
    public const string SourceName = "JourneyGrpc.Gateway";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> of <c>rpc.server.duration</c> (per gRPC method and status).</summary>
    public const string RpcMeterName = "JourneyGrpc.Rpc";

    /// <summary>The path of the Prometheus scrape endpoint on the REST port.</summary>
    public const string MetricsPath = "/metrics";
}
