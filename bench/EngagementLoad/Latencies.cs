using System.Collections.Concurrent;

namespace JourneyGrpc.Bench.EngagementLoad;

/// <summary>Latency samples in milliseconds, added from many tasks; percentiles by nearest rank.</summary>
internal sealed class Latencies
{
    private readonly ConcurrentBag<double> _samples = [];

    internal int Count => _samples.Count;

    internal void Add(double milliseconds) => _samples.Add(milliseconds);

    internal (double P50, double P99, double Max) Summary()
    {
        var sorted = _samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            return (0, 0, 0);
        }

        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return (Rank(0.50), Rank(0.99), sorted[^1]);
    }
}
