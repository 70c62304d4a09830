using System.Globalization;

namespace JourneyGrpc.Bench.JourneyScale;

/// <summary>The knobs, from <c>--name value</c> arguments.</summary>
internal sealed record ScaleOptions(int SmallJourneys, int LargeJourneys, int EngagementsPerJourney, int Queries, int Warmup, int SeedConcurrency, TimeSpan Budget, string? Output, string Provider)
{
    internal static ScaleOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected --name value, got '{args[i]}'.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var options = new ScaleOptions(
            Int("small-journeys", 2_000),
            Int("journeys", 20_000),
            Int("engagements-per-journey", 5),
            Int("queries", 2_000),
            Int("warmup", 300),
            Int("seed-concurrency", 32),
            TimeSpan.FromSeconds(Int("budget-seconds", 1_500)),
            values.GetValueOrDefault("output"),
            values.GetValueOrDefault("provider", "sqlite"));
        if (options.SmallJourneys < 1 || options.LargeJourneys <= options.SmallJourneys || options.EngagementsPerJourney is < 1 or > 50 || options.Queries < 10
            || options.Provider is not ("sqlite" or "litedb" or "postgres"))
        {
            throw new ArgumentException("Need 1 ≤ small-journeys < journeys, 1..50 engagements per journey, at least 10 queries and --provider sqlite, litedb or postgres.");
        }

        return options;
    }
}
