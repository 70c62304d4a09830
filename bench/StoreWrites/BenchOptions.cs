using System.Globalization;

namespace JourneyGrpc.Bench.StoreWrites;

/// <summary>Command line: --writers 64 --duration 10 --warmup 2 --rounds 3 --providers sqlite,postgres --folder DIR --quiet-max 15 --quiet-wait 30.</summary>
internal sealed record BenchOptions(int Writers, TimeSpan Duration, TimeSpan Warmup, int Rounds, IReadOnlyList<string> Providers, string Folder, double QuietMax, TimeSpan QuietWait)
{
    internal static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Get(string key, string fallback) => values.TryGetValue(key, out var value) ? value : fallback;
        return new BenchOptions(
            int.Parse(Get("writers", "64"), CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(Get("duration", "10"), CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(Get("warmup", "2"), CultureInfo.InvariantCulture)),
            int.Parse(Get("rounds", "3"), CultureInfo.InvariantCulture),
            Get("providers", "sqlite,postgres").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Get("folder", Path.Combine(Path.GetTempPath(), "journeygrpc-bench-store")),
            double.Parse(Get("quiet-max", "15"), CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(Get("quiet-wait", "30"), CultureInfo.InvariantCulture)));
    }
}
