using JourneyGrpc.WebEngagement.V1;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.WebEngagement.Storage;

/// <summary>Reads web actions of a deployment.</summary>
internal sealed class WebActionReader(EngagementStoreAccessor stores)
{
    /// <summary>At most this many attempts in progress per visit are looked at (non-strict mode may have several).</summary>
    internal const int MaxInProgressPerVisit = 100;

    internal async Task<StoredAction?> GetAsync(string tenant, string actionId, CancellationToken cancellationToken)
    {
        var record = await stores.Store.GetAsync(tenant, EngagementStoreNames.Actions, actionId, cancellationToken).ConfigureAwait(false);
        return record is null ? null : new StoredAction(record.Parse(WebAction.Parser), record.Version);
    }

    /// <summary>The visit's actions written as QUALIFIED or OFFERED (the clock may have ended some).</summary>
    internal async Task<IReadOnlyList<StoredAction>> InProgressAsync(string tenant, string visitId, CancellationToken cancellationToken)
    {
        var query = new IndexQuery(EngagementStoreNames.Actions, EngagementStoreNames.InProgressByVisit, visitId) { Limit = MaxInProgressPerVisit };
        var page = await stores.Store.FindAsync(tenant, query, cancellationToken).ConfigureAwait(false);
        return [.. page.Records.Select(r => new StoredAction(r.Parse(WebAction.Parser), r.Version))];
    }

    /// <summary>The customer's actions written as QUALIFIED, oldest first.</summary>
    internal async Task<IReadOnlyList<WebAction>> WaitingAsync(string tenant, string customerId, int limit, CancellationToken cancellationToken)
    {
        var query = new IndexQuery(EngagementStoreNames.Actions, EngagementStoreNames.WaitingByCustomer, customerId) { Descending = false, Limit = limit };
        var page = await stores.Store.FindAsync(tenant, query, cancellationToken).ConfigureAwait(false);
        return [.. page.Records.Select(r => r.Parse(WebAction.Parser))];
    }

    /// <summary>How many actions reached a metric in [<paramref name="fromMs"/>, <paramref name="toMs"/>]: the index's count, not a scan.</summary>
    internal async Task<long> CountAsync(string tenant, string metricKey, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        var query = new IndexQuery(EngagementStoreNames.Actions, EngagementStoreNames.Metrics, metricKey) { SortFrom = fromMs, SortTo = toMs, Limit = 1 };
        return (await stores.Store.FindAsync(tenant, query, cancellationToken).ConfigureAwait(false)).Total;
    }
}
