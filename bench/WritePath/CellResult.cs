namespace JourneyGrpc.Bench.WritePath;

/// <summary>One measured cell: calls (or batches) acknowledged in the window, latency percentiles, server CPU and store counters.</summary>
internal sealed record CellResult(long Calls, long Failed, double Seconds, double P50Ms, double P99Ms, TimeSpan Cpu, StoreCounters Store)
{
    internal double Rate => Calls / Seconds;

    internal double CpuMicrosPerCall => Calls == 0 ? 0 : Cpu.TotalMicroseconds / Calls;

    internal double PerCall(long count) => Calls == 0 ? 0 : (double)count / Calls;

    internal static CellResult Of(long calls, long failed, double seconds, List<double> latencies, TimeSpan cpu, StoreCounters store)
    {
        latencies.Sort();
        return new CellResult(calls, failed, seconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99), cpu, store);
    }

    internal static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
