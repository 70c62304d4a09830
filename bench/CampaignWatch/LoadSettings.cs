using System.Globalization;

namespace JourneyGrpc.Bench.CampaignWatch;

/// <summary>What <c>load</c> does: how many subscribers, how fast and how long the poster posts.</summary>
internal sealed record LoadSettings(Uri Address, int Subscribers, int Rate, int DurationSeconds, int Connections, int? ServerPid, string Tenant)
{
    internal static LoadSettings Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new LoadSettings(
            new Uri(Value("--address") ?? "http://127.0.0.1:50161"),
            Int("--subscribers", 1000),
            Int("--rate", 1000),
            Int("--duration", 60),
            Int("--connections", 10),
            Value("--server-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            Value("--tenant") ?? "bench");
    }
}
