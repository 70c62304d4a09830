using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace JourneyGrpc.Store.Internal.Telemetry;

/// <summary>
/// The group-commit writers' instruments (meter <see cref="JourneyStoreTelemetry.Name"/>), tagged with the
/// provider as <c>db.system.name</c> (OpenTelemetry database semantic conventions:
/// https://opentelemetry.io/docs/specs/semconv/database/database-metrics/). Writes/s and appends/s are the
/// rates of the two counters. Recording costs nothing but an <c>Enabled</c> check when nobody listens.
/// </summary>
internal sealed class StoreMetrics
{
    private static readonly Meter Meter = new(JourneyStoreTelemetry.Name);

    private static readonly Histogram<double> CommitDuration = Meter.CreateHistogram(
        "journeygrpc.store.commit.duration",
        unit: "s",
        description: "Time of one group commit: every queued batch applied and made durable in one transaction.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    private static readonly Histogram<int> BatchesPerCommit = Meter.CreateHistogram(
        "journeygrpc.store.commit.batches",
        unit: "{batch}",
        description: "Write batches taken into one group commit.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024] });

    private static readonly Counter<long> Writes = Meter.CreateCounter<long>(
        "journeygrpc.store.writes",
        unit: "{batch}",
        description: "Write batches committed (conflicting batches excluded).");

    private static readonly Counter<long> EventsAppended = Meter.CreateCounter<long>(
        "journeygrpc.store.events.appended",
        unit: "{event}",
        description: "Events appended to the event logs (campaign status, engagement, start-event) and committed.");

    private readonly KeyValuePair<string, object?> _provider;

    internal StoreMetrics(string provider) => _provider = new("db.system.name", provider);

    /// <summary>For writers built without a provider (unit tests of the writer itself).</summary>
    internal static StoreMetrics Unnamed { get; } = new("unknown");

    internal static bool Enabled => CommitDuration.Enabled || BatchesPerCommit.Enabled || Writes.Enabled || EventsAppended.Enabled;

    /// <summary>One group commit of <paramref name="batches"/> batches, <paramref name="committed"/> of them committed.</summary>
    internal void Committed(int batches, int committed, int appended, long startedTimestamp)
    {
        CommitDuration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds, _provider);
        BatchesPerCommit.Record(batches, _provider);
        Writes.Add(committed, _provider);
        if (appended > 0)
        {
            EventsAppended.Add(appended, _provider);
        }
    }
}
