namespace JourneyGrpc.Bench.StartEventScale;

/// <summary>Percentiles of a latency sample, in milliseconds (nearest-rank).</summary>
internal sealed record LatencySummary(int Count, double P50, double P90, double P99, double Max, double Mean)
{
    internal static LatencySummary Of(double[] samples)
    {
        var sorted = samples.Order().ToArray();
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencySummary(sorted.Length, Rank(0.50), Rank(0.90), Rank(0.99), sorted[^1], sorted.Average());
    }
}
