namespace JourneyGrpc.Server.Journey.Engagements;

/// <summary>Engagement ids are UUIDs compared case-insensitively: stored and returned in lower case.</summary>
internal static class EngagementIds
{
    internal static string Normalize(string id) => id.ToLowerInvariant();
}
