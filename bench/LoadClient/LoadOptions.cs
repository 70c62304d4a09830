using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace JourneyGrpc.Bench.LoadClient;

/// <summary>Command-line options of the load client.</summary>
internal sealed class LoadOptions
{
    public const string Usage = """
        usage: JourneyGrpc.Bench.LoadClient unary|rest|stream --address http://127.0.0.1:PORT [options]
          --payload BYTES        payload size (default 2)
          unary, rest:  --concurrency N (default 40)  --connections N (default 1)
                  --duration SECONDS (default 10)  --warmup SECONDS (default 3)
          stream: --count N (default 3000000)  --warmup-count N (default 1000000)
        """;

    public LoadMode Mode { get; private init; }

    public Uri Address { get; private init; } = new("http://127.0.0.1:50151");

    public int PayloadSize { get; private init; }

    public int Concurrency { get; private init; }

    public int Connections { get; private init; }

    public TimeSpan Duration { get; private init; }

    public TimeSpan Warmup { get; private init; }

    public int Count { get; private init; }

    public int WarmupCount { get; private init; }

    public static bool TryParse(string[] args, [NotNullWhen(true)] out LoadOptions? options, [NotNullWhen(false)] out string? error)
    {
        options = null;
        if (args.Length == 0 || !Enum.TryParse<LoadMode>(args[0], ignoreCase: true, out var mode))
        {
            error = "first argument must be 'unary', 'rest' or 'stream'";
            return false;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                error = $"expected '--name value' at '{args[i]}'";
                return false;
            }

            values[args[i][2..]] = args[i + 1];
        }

        var known = new[] { "address", "payload", "concurrency", "connections", "duration", "warmup", "count", "warmup-count" };
        var unknown = values.Keys.FirstOrDefault(key => !known.Contains(key, StringComparer.Ordinal));
        if (unknown is not null)
        {
            error = $"unknown option --{unknown}";
            return false;
        }

        try
        {
            options = new LoadOptions
            {
                Mode = mode,
                Address = values.TryGetValue("address", out var address) ? new Uri(address) : new Uri("http://127.0.0.1:50151"),
                PayloadSize = Int(values, "payload", 2, min: 0),
                Concurrency = Int(values, "concurrency", 40, min: 1),
                Connections = Int(values, "connections", 1, min: 1),
                Duration = TimeSpan.FromSeconds(Int(values, "duration", 10, min: 1)),
                Warmup = TimeSpan.FromSeconds(Int(values, "warmup", 3, min: 0)),
                Count = Int(values, "count", 3_000_000, min: 1),
                WarmupCount = Int(values, "warmup-count", 1_000_000, min: 0),
            };
        }
        catch (FormatException e)
        {
            // Also UriFormatException, a FormatException.
            error = e.Message;
            return false;
        }

        error = null;
        return true;
    }

    private static int Int(Dictionary<string, string> values, string name, int fallback, int min)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min)
        {
            throw new FormatException($"--{name} must be an integer >= {min.ToString(CultureInfo.InvariantCulture)}, got '{text}'");
        }

        return value;
    }
}
