using JourneyGrpc.Journey.V1;
using JourneyGrpc.Server.Journey.Storage;

namespace JourneyGrpc.Server.Journey.Search;

/// <summary>
/// How a journey search reads the store: one index (and its keys) chosen so that the most selective
/// filter is served by the index, plus the filters left to check on the engagements read. With no
/// filter left, the store pages and counts (cost of one page); otherwise every engagement of the
/// index range is read (they all belong to one customer, or one agent / conversation / channel).
/// </summary>
internal sealed record SearchPlan(string Index, IReadOnlyList<string> Keys, Func<Engagement, bool>? Residual)
{
    /// <summary>The most keys one store query takes.</summary>
    internal const int MaxKeys = 100;

    internal static SearchPlan Choose(IReadOnlyList<string>? memberTokens, string? agentId, string? conversation, IReadOnlyList<string> channelKeys)
    {
        var residual = new List<Func<Engagement, bool>>();
        string index;
        List<string> keys;
        if (memberTokens is not null)
        {
            if (agentId is not null)
            {
                (index, keys) = (JourneyIndexes.ByIdentifierAgent, [.. memberTokens.Select(t => JourneyIndexes.Composite(t, agentId))]);
                agentId = null;
            }
            else if (conversation is not null)
            {
                (index, keys) = (JourneyIndexes.ByIdentifierConversation, [.. memberTokens.Select(t => JourneyIndexes.Composite(t, conversation))]);
                conversation = null;
            }
            else if (channelKeys.Count > 0 && memberTokens.Count * channelKeys.Count <= MaxKeys)
            {
                (index, keys) = (JourneyIndexes.ByIdentifierChannel, [.. memberTokens.SelectMany(t => channelKeys.Select(c => JourneyIndexes.Composite(t, c)))]);
                channelKeys = [];
            }
            else
            {
                (index, keys) = (JourneyIndexes.ByIdentifier, [.. memberTokens]);
            }
        }
        else if (agentId is not null)
        {
            (index, keys) = (JourneyIndexes.ByAgent, [agentId]);
            agentId = null;
        }
        else if (conversation is not null)
        {
            (index, keys) = (JourneyIndexes.ByConversation, [conversation]);
            conversation = null;
        }
        else
        {
            (index, keys) = (JourneyIndexes.ByChannel, [.. channelKeys]);
            channelKeys = [];
        }

        if (agentId is not null)
        {
            var agent = agentId;
            residual.Add(e => e.Participants.Any(p => p.Type == ParticipantType.Agent && p.Id == agent));
        }

        if (conversation is not null)
        {
            var wanted = conversation;
            residual.Add(e => e.Conversations.Contains(wanted));
        }

        if (channelKeys.Count > 0)
        {
            var wanted = channelKeys.ToHashSet(StringComparer.Ordinal);
            residual.Add(e => e.Channels.Any(c => wanted.Contains(JourneyIndexes.ChannelKey(c.Id))));
        }

        return new SearchPlan(index, keys, residual.Count == 0 ? null : e => residual.All(r => r(e)));
    }
}
