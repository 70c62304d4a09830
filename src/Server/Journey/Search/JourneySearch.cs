using JourneyGrpc.Journey.V1;
using JourneyGrpc.Server.Journey.Errors;
using JourneyGrpc.Server.Journey.Identity;
using JourneyGrpc.Server.Journey.Mapping;
using JourneyGrpc.Server.Journey.Notes;
using JourneyGrpc.Server.Journey.Storage;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.Journey.Search;

/// <summary>
/// journeys:search. Identifiers resolve to their journey (every linked identifier); engagements carrying
/// any of them match, narrowed by agent, conversation, channels and an inclusive start-date range,
/// newest <c>startDate</c> first. Identifiers never collected are NOT_FOUND (the spec's 404); a known
/// journey with no match is an empty page.
/// </summary>
internal sealed class JourneySearch(IJourneyStore store, IdentityGraph identity, AgentNoteReader notes)
{
    private const int ScanPage = 1000;

    internal async Task<SearchJourneysResponse> SearchAsync(SearchJourneysRequest request, CancellationToken cancellationToken)
    {
        var accountId = request.AccountId;
        var query = request.Query ?? new JourneyQuery();
        var pageSize = request.HasPageSize ? request.PageSize : 50;
        var pageNumber = request.HasPageNumber ? request.PageNumber : 1;
        var keys = IdentifierMap.ToKeys(query.Identifiers);
        JourneyResolution? journey = null;
        if (keys.Count > 0)
        {
            journey = await identity.ResolveAsync(accountId, keys, cancellationToken).ConfigureAwait(false);
            if (!journey.IsKnown)
            {
                throw JourneyErrors.NotFound("Journey", string.Join(",", keys.Select(k => k.Type)));
            }
        }

        var plan = SearchPlan.Choose(
            journey?.Members.Select(m => m.Token).ToList(),
            query.HasAgentId ? query.AgentId : null,
            query.HasConversation ? query.Conversation : null,
            [.. query.ChannelIds.Select(JourneyIndexes.ChannelKey).Distinct(StringComparer.Ordinal)]);
        var from = query.StartDate is null ? long.MinValue : Timestamps.ToUnixMilliseconds(query.StartDate);
        var to = query.EndDate is null ? long.MaxValue : Timestamps.ToUnixMilliseconds(query.EndDate);
        var offset = (int)Math.Min((long)(pageNumber - 1) * pageSize, int.MaxValue);

        List<Engagement> page;
        long total;
        if (plan.Residual is null && plan.Keys.Count <= SearchPlan.MaxKeys)
        {
            var result = await store.FindAsync(
                accountId,
                new IndexQuery(JourneyCollections.Engagements, plan.Index, plan.Keys) { SortFrom = from, SortTo = to, Offset = offset, Limit = pageSize },
                cancellationToken).ConfigureAwait(false);
            page = [.. result.Records.Select(r => r.Parse(Engagement.Parser))];
            total = result.Total;
        }
        else
        {
            var matches = (await ReadAllAsync(accountId, plan, from, to, cancellationToken).ConfigureAwait(false))
                .Where(e => plan.Residual?.Invoke(e) ?? true)
                .OrderByDescending(e => Timestamps.ToUnixMilliseconds(e.StartDate))
                .ThenByDescending(e => e.Id, StringComparer.Ordinal)
                .ToList();
            total = matches.Count;
            page = [.. matches.Skip(offset).Take(pageSize)];
        }

        await notes.AttachAsync(accountId, page, cancellationToken).ConfigureAwait(false);
        var response = new SearchJourneysResponse
        {
            Pagination = new Pagination { PageNumber = pageNumber, PageSize = pageSize, Total = (int)Math.Min(total, int.MaxValue) },
        };
        response.Engagements.AddRange(page);
        var identifiers = journey?.Members ?? page.SelectMany(e => IdentifierMap.ToKeys(e.Identifiers)).Distinct().ToList();
        response.Identifiers.Add(IdentifierMap.From(identifiers));
        return response;
    }

    /// <summary>Every engagement of the plan's index range, each once (bounded by the journey, agent, conversation or channel).</summary>
    private async Task<List<Engagement>> ReadAllAsync(string accountId, SearchPlan plan, long from, long to, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var engagements = new List<Engagement>();
        foreach (var keys in plan.Keys.Chunk(SearchPlan.MaxKeys))
        {
            for (var offset = 0; ; offset += ScanPage)
            {
                var result = await store.FindAsync(
                    accountId,
                    new IndexQuery(JourneyCollections.Engagements, plan.Index, keys) { SortFrom = from, SortTo = to, Offset = offset, Limit = ScanPage },
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
