using System.Globalization;

namespace JourneyGrpc.Bench.StartEventScale;

/// <summary>The knobs, from <c>--name value</c> arguments.</summary>
internal sealed record ScaleOptions(int SmallServices, int LargeServices, int ServicesPerCustomer, int TasksEvery, int TasksPerService, int Queries, int Warmup, int SeedConcurrency, TimeSpan Budget, string? Output)
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
            Int("small-services", 10_000),
            Int("services", 100_000),
            Int("services-per-customer", 10),
            Int("tasks-every", 10),
            Int("tasks-per-service", 2),
            Int("queries", 2_000),
            Int("warmup", 300),
            Int("seed-concurrency", 32),
            TimeSpan.FromSeconds(Int("budget-seconds", 1_500)),
            values.GetValueOrDefault("output"));
        if (options.SmallServices < 1 || options.LargeServices <= options.SmallServices || options.ServicesPerCustomer < 1
            || options.SmallServices % options.ServicesPerCustomer != 0 || options.LargeServices % options.ServicesPerCustomer != 0
            || options.TasksEvery < 1 || options.TasksPerService is < 1 or > 100 || options.Queries < 10)
        {
            throw new ArgumentException("Need 1 ≤ small-services < services, both multiples of services-per-customer, tasks-every ≥ 1, 1..100 tasks per service and at least 10 queries.");
        }

        return options;
    }
}
