namespace JourneyGrpc.Store;

/// <summary>
/// The store's telemetry names, for a host to subscribe to (OpenTelemetry's <c>AddMeter</c> and
/// <c>AddSource</c>). Nothing is measured or traced unless something listens.
/// </summary>
public static class JourneyStoreTelemetry
{
    /// <summary>
    /// The <see cref="System.Diagnostics.Metrics.Meter"/> (commit latency, batches per commit, write batches
    /// and event-log appends, each tagged <c>db.system.name</c>) and the
    /// <see cref="System.Diagnostics.ActivitySource"/> (one span per store read or write).
    /// </summary>
    public const string Name = "JourneyGrpc.Store";
}
