namespace JourneyGrpc.Server.Journey;

/// <summary>Journey service settings, bound from configuration section <c>Journey</c>.</summary>
internal sealed class JourneyOptions
{
    /// <summary>The configuration section.</summary>
    internal const string SectionName = "Journey";

    /// <summary>journeys:listAgents without <c>startDate</c> covers this much time before now (spec: the last 30 days).</summary>
    public TimeSpan AgentWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How many times a read-modify-write is tried when concurrent writers conflict (1 to 100, default 8).</summary>
    public int MaxWriteAttempts { get; set; } = 8;
}
