using JourneyGrpc.Journey.V1;
using JourneyGrpc.Server.Journey.Errors;
using JourneyGrpc.Server.Journey.Mapping;
using JourneyGrpc.Server.Journey.Identity;
using JourneyGrpc.Server.Journey.Storage;
using JourneyGrpc.Server.Journey.Validation;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.Journey.Search;

/// <summary>
/// journeys:listAgents: agents who took part in the journey on the channel and left on or after the
/// window start (<c>startDate</c>, default now − 30 days), each once at their latest <c>leftAt</c>,
/// sorted by <c>leftAt</c> (desc by default). An agent still present on any of the journey's
/// engagements on that channel is left out. Served by the <c>agents-left</c> index, whose sort value is
/// an engagement's latest agent departure (or +∞ while an agent is present), so the window is an
/// index range.
/// </summary>
internal sealed class AgentListing(IJourneyStore store, IdentityGraph identity, TimeProvider timeProvider, JourneyOptions options)
{
    private const int ScanPage = 1000;

    internal async Task<ListAgentsResponse> ListAsync(ListAgentsRequest request, CancellationToken cancellationToken)
    {
        var accountId = request.AccountId;
        var query = request.Query ?? new ListAgentsQuery();
        var pageSize = request.HasPageSize ? request.PageSize : 1;
        var ascending = request.HasOrderBy && ListAgentsRequestValidator.IsAscending(request.OrderBy);
        var journey = await identity.ResolveAsync(accountId, IdentifierMap.ToKeys(query.Identifiers), cancellationToken).ConfigureAwait(false);
        if (!journey.IsKnown)
        {
            throw JourneyErrors.NotFound("Journey", string.Join(",", query.Identifiers.Keys));
        }

        var channel = JourneyIndexes.ChannelKey(query.ChannelId);
        var windowStart = query.StartDate is null
            ? (timeProvider.GetUtcNow() - options.AgentWindow).ToUnixTimeMilliseconds()
            : Timestamps.ToUnixMilliseconds(query.StartDate);
        var latest = new Dictionary<string, Participant>(StringComparer.Ordinal);
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var engagement in await ReadAsync(accountId, journey, channel, windowStart, cancellationToken).ConfigureAwait(false))
        {
            foreach (var agent in engagement.Participants.Where(p => p.Type == ParticipantType.Agent && JourneyIndexes.ChannelKey(p.ChannelId) == channel))
            {
                if (agent.LeftAt is null)
                {
                    present.Add(agent.Id);
                }
                else if (Timestamps.ToUnixMilliseconds(agent.LeftAt) >= windowStart
                    && (!latest.TryGetValue(agent.Id, out var seen) || seen.LeftAt < agent.LeftAt))
                {
                    latest[agent.Id] = agent;
                }
            }
        }

        var left = latest.Values.Where(a => !present.Contains(a.Id));
        var ordered = ascending
            ? left.OrderBy(a => a.LeftAt).ThenBy(a => a.Id, StringComparer.Ordinal)
            : left.OrderByDescending(a => a.LeftAt).ThenBy(a => a.Id, StringComparer.Ordinal);
        var response = new ListAgentsResponse();
        response.Agents.AddRange(ordered.Take(pageSize).Select(a => new JourneyAgent { AgentId = a.Id, ChannelProviderId = a.ChannelProviderId, LeftAt = a.LeftAt }));
        return response;
    }

    private async Task<List<Engagement>> ReadAsync(string accountId, JourneyResolution journey, string channel, long windowStart, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var engagements = new List<Engagement>();
        foreach (var keys in journey.Members.Select(m => JourneyIndexes.Composite(m.Token, channel)).Chunk(SearchPlan.MaxKeys))
        {
            for (var offset = 0; ; offset += ScanPage)
            {
                var result = await store.FindAsync(
                    accountId,
                    new IndexQuery(JourneyCollections.Engagements, JourneyIndexes.AgentsLeft, keys) { SortFrom = windowStart, Offset = offset, Limit = ScanPage },
                    cancellationToken).ConfigureAwait(false);
                engagements.AddRange(result.Records.Where(r => seen.Add(r.Id)).Select(r => r.Parse(Engagement.Parser)));
                if (result.Records.Count < ScanPage)
                {
                    break;
                }
            }
        }

        return engagements;
    }
}
