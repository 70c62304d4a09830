namespace JourneyGrpc.Server.Hosting.Security;

/// <summary>The <c>Limits</c> section: per-client limits (a client is its token's subject or its appkey name).</summary>
public sealed class LimitsOptions
{
    internal const string SectionName = "Limits";

    /// <summary>Calls per second each client may make (a token bucket refilled every second); 0: no limit.</summary>
    public int CallsPerSecond { get; set; }

    /// <summary>Calls a client may make at once above <see cref="CallsPerSecond"/>; 0: the same as <see cref="CallsPerSecond"/>.</summary>
    public int Burst { get; set; }

    /// <summary>Server streams (watches) each client may hold open at once; 0: no limit.</summary>
    public int WatchesPerClient { get; set; } = 1000;
}
