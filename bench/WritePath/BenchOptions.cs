using System.Globalization;

namespace JourneyGrpc.Bench.WritePath;

/// <summary>
/// Command line (both modes): --concurrency 32 --duration 10 --warmup 3 --rounds 3 --providers sqlite,litedb
/// --folder DIR --output FILE; load mode also --target grpc|rest --address URL.
/// </summary>
internal sealed record BenchOptions(
    int Concurrency,
    TimeSpan Duration,
    TimeSpan Warmup,
    int Rounds,
    IReadOnlyList<string> Providers,
    string Folder,
    string? Output,
    string Target,
    string Address)
{
    internal static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Get(string key, string fallback) => values.TryGetValue(key, out var value) ? value : fallback;
        return new BenchOptions(
            int.Parse(Get("concurrency", "32"), CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(Get("duration", "10"), CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(Get("warmup", "3"), CultureInfo.InvariantCulture)),
            int.Parse(Get("rounds", "3"), CultureInfo.InvariantCulture),
            Get("providers", "sqlite,litedb").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Get("folder", Path.Combine(Path.GetTempPath(), "journeygrpc-bench-writepath")),
            values.GetValueOrDefault("output"),
            Get("target", "grpc"),
            Get("address", string.Empty));
    }

    /// <summary>The same settings as arguments of the load client.</summary>
    internal IEnumerable<string> LoadArguments(string target, Uri address) =>
    [
        "load", "--target", target, "--address", address.ToString(),
        "--concurrency", Concurrency.ToString(CultureInfo.InvariantCulture),
        "--duration", Duration.TotalSeconds.ToString(CultureInfo.InvariantCulture),
        "--warmup", Warmup.TotalSeconds.ToString(CultureInfo.InvariantCulture),
    ];
}
