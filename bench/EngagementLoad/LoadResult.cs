namespace JourneyGrpc.Bench.EngagementLoad;

/// <summary>What one timed load phase did: successful calls, failures, over how long, and their latencies.</summary>
internal sealed record LoadResult(string Name, long Succeeded, long Failed, TimeSpan Elapsed, Latencies Latencies)
{
    internal double PerSecond => Succeeded / Elapsed.TotalSeconds;
}
