using JourneyGrpc.Journey.V1;
using JourneyGrpc.Server.Journey.Mapping;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.Journey.Storage;

/// <summary>The index entries of an engagement record (a write replaces all of them, so every write supplies them all).</summary>
internal static class EngagementIndexer
{
    internal static IndexEntry[] For(Engagement engagement)
    {
        var start = Timestamps.ToUnixMilliseconds(engagement.StartDate);
        var tokens = IdentifierMap.ToKeys(engagement.Identifiers).Select(k => k.Token).Distinct(StringComparer.Ordinal).ToList();
        var channels = engagement.Channels.Select(c => JourneyIndexes.ChannelKey(c.Id)).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var agents = engagement.Participants.Where(p => p.Type == ParticipantType.Agent).Select(p => p.Id).Distinct(StringComparer.Ordinal).ToList();
        var conversations = engagement.Conversations.Distinct(StringComparer.Ordinal).ToList();
        var entries = new List<IndexEntry>();
        foreach (var token in tokens)
        {
            entries.Add(new IndexEntry(JourneyIndexes.ByIdentifier, token, start));
            entries.AddRange(channels.Select(c => new IndexEntry(JourneyIndexes.ByIdentifierChannel, JourneyIndexes.Composite(token, c), start)));
            entries.AddRange(agents.Select(a => new IndexEntry(JourneyIndexes.ByIdentifierAgent, JourneyIndexes.Composite(token, a), start)));
            entries.AddRange(conversations.Select(c => new IndexEntry(JourneyIndexes.ByIdentifierConversation, JourneyIndexes.Composite(token, c), start)));
        }

        entries.AddRange(agents.Select(a => new IndexEntry(JourneyIndexes.ByAgent, a, start)));
        entries.AddRange(channels.Select(c => new IndexEntry(JourneyIndexes.ByChannel, c, start)));
        entries.AddRange(conversations.Select(c => new IndexEntry(JourneyIndexes.ByConversation, c, start)));
        foreach (var (channel, leftAt) in AgentDepartures(engagement))
        {
            entries.AddRange(tokens.Select(t => new IndexEntry(JourneyIndexes.AgentsLeft, JourneyIndexes.Composite(t, channel), leftAt)));
        }

        return [.. entries];
    }

    /// <summary>Per channel with agents: the latest agent departure, or <see cref="long.MaxValue"/> while one is present.</summary>
    private static IEnumerable<(string Channel, long LeftAt)> AgentDepartures(Engagement engagement) =>
        engagement.Participants
            .Where(p => p.Type == ParticipantType.Agent && p.ChannelId.Length > 0)
            .GroupBy(p => JourneyIndexes.ChannelKey(p.ChannelId), StringComparer.Ordinal)
            .Select(g => (g.Key, g.Max(p => p.LeftAt is null ? long.MaxValue : Timestamps.ToUnixMilliseconds(p.LeftAt))));
}
