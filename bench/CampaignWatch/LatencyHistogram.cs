namespace JourneyGrpc.Bench.CampaignWatch;

/// <summary>
/// Delivery latencies of one subscriber: 20 µs buckets up to 20 ms, then 10 ms buckets up to 10 s,
/// then one overflow bucket. Small enough to keep one per subscriber (no shared counters on the hot path).
/// </summary>
internal sealed class LatencyHistogram
{
    private const double FineWidthMs = 0.02;
    private const int FineBuckets = 1000;
    private const double CoarseWidthMs = 10;
    private const int CoarseBuckets = 999;
    private readonly long[] _counts = new long[FineBuckets + CoarseBuckets + 1];

    internal long Count { get; private set; }

    internal double MaxMs { get; private set; }

    internal void Record(double milliseconds)
    {
        var index = milliseconds < FineBuckets * FineWidthMs
            ? (int)(Math.Max(0, milliseconds) / FineWidthMs)
            : Math.Min(FineBuckets + (int)((milliseconds - (FineBuckets * FineWidthMs)) / CoarseWidthMs), _counts.Length - 1);
        _counts[index]++;
        Count++;
        MaxMs = Math.Max(MaxMs, milliseconds);
    }

    internal void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
        MaxMs = Math.Max(MaxMs, other.MaxMs);
    }

    /// <summary>The upper edge of the bucket holding the <paramref name="quantile"/> latency, in ms.</summary>
    internal double Percentile(double quantile)
    {
        var target = (long)Math.Ceiling(quantile * Count);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= target && seen > 0)
            {
                return i < FineBuckets ? (i + 1) * FineWidthMs : (FineBuckets * FineWidthMs) + ((i - FineBuckets + 1) * CoarseWidthMs);
            }
        }

        return MaxMs;
    }
}
