using System.Globalization;

namespace JourneyGrpc.Bench.EngagementLoad;

/// <summary>The command line: <c>--name value</c> pairs, each with a default.</summary>
internal sealed record BenchOptions(int Visitors, int Seconds, int Connections, int Maps, int Days, int PerMapDay, int Queries, int Warmup, int SeedConcurrency, string? Output)
{
    internal static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        int Int(string name, int fallback) => values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        return new BenchOptions(
            Int("visitors", 10_000), Int("seconds", 30), Int("connections", 512), Int("maps", 1000), Int("days", 30), Int("per-map-day", 2),
            Int("queries", 2000), Int("warmup", 200), Int("seed-concurrency", 64), values.GetValueOrDefault("output"));
    }
}
