using JourneyGrpc.Journey.V1;
using JourneyGrpc.Server.Journey.Errors;
using JourneyGrpc.Server.Journey.Notes;
using JourneyGrpc.Server.Journey.Storage;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.Journey.Engagements;

/// <summary>GET engagement and GET engagements, with their agent notes.</summary>
internal sealed class EngagementReader(IJourneyStore store, AgentNoteReader notes)
{
    internal async Task<Engagement> GetAsync(string accountId, string engagementId, CancellationToken cancellationToken)
    {
        var id = EngagementIds.Normalize(engagementId);
        var record = await store.GetAsync(accountId, JourneyCollections.Engagements, id, cancellationToken).ConfigureAwait(false)
            ?? throw JourneyErrors.NotFound("Engagement", id);
        var engagement = record.Parse(Engagement.Parser);
        await notes.AttachAsync(accountId, [engagement], cancellationToken).ConfigureAwait(false);
        return engagement;
    }

    /// <summary>
    /// The engagements found among <paramref name="ids"/>, in the order asked (unknown ids are left out),
    /// paged; NOT_FOUND when none is found (spec: "404 instead of an empty list").
    /// </summary>
    internal async Task<GetEngagementsResponse> GetManyAsync(string accountId, IReadOnlyList<string> ids, int pageSize, int pageNumber, CancellationToken cancellationToken)
    {
        var normalized = ids.Select(EngagementIds.Normalize).ToList();
        var records = await store.GetManyAsync(accountId, JourneyCollections.Engagements, normalized, cancellationToken).ConfigureAwait(false);
        if (records.Count == 0)
        {
            throw JourneyErrors.NotFound("Engagement", string.Join(",", normalized));
        }

        var page = records.Skip((int)Math.Min((long)(pageNumber - 1) * pageSize, int.MaxValue)).Take(pageSize).Select(r => r.Parse(Engagement.Parser)).ToList();
        await notes.AttachAsync(accountId, page, cancellationToken).ConfigureAwait(false);
        var response = new GetEngagementsResponse { Pagination = new Pagination { PageNumber = pageNumber, PageSize = pageSize, Total = records.Count } };
        response.Engagements.AddRange(page);
        return response;
    }
}
