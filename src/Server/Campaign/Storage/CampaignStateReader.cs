using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Campaign.V1;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.Campaign.Storage;

/// <summary>Reads group states and the log's head from the store.</summary>
internal sealed class CampaignStateReader(IJourneyStore store)
{
    /// <summary>The largest page the store serves.</summary>
    internal const int MaxPageSize = 1000;

    /// <summary>The sequence of the newest event of the tenant's log (0 when it has none).</summary>
    internal async Task<long> ReadHeadAsync(string tenant, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(tenant, CampaignStoreNames.Heads, CampaignStoreNames.Log, cancellationToken).ConfigureAwait(false);
        return record?.Parse(Int64Value.Parser).Value ?? 0;
    }

    /// <summary>The state of the group with GSW_CAMPAIGN_GROUP_GUID <paramref name="guid"/>, or null.</summary>
    internal async Task<CampaignGroupState?> GetByGuidAsync(string tenant, string guid, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(tenant, CampaignStoreNames.Groups, guid, cancellationToken).ConfigureAwait(false);
        return record?.Parse(CampaignGroupState.Parser);
    }

    /// <summary>The most recently updated group whose <paramref name="index"/> key is <paramref name="key"/>, or null.</summary>
    internal async Task<CampaignGroupState?> GetByIndexAsync(string tenant, string index, string key, CancellationToken cancellationToken)
    {
        var page = await store.FindAsync(tenant, new IndexQuery(CampaignStoreNames.Groups, index, key) { Limit = MaxPageSize }, cancellationToken).ConfigureAwait(false);
        return page.Records.Select(r => r.Parse(CampaignGroupState.Parser)).MaxBy(s => s.LastSequence);
    }

    /// <summary>One page of every group, in GUID order, and how many there are.</summary>
    internal async Task<(IReadOnlyList<CampaignGroupState> States, long Total)> ListAsync(string tenant, int offset, int limit, CancellationToken cancellationToken)
    {
        var query = new IndexQuery(CampaignStoreNames.Groups, CampaignStoreNames.AllIndex, CampaignStoreNames.AllKey) { Descending = false, Offset = offset, Limit = limit };
        var page = await store.FindAsync(tenant, query, cancellationToken).ConfigureAwait(false);
        return ([.. page.Records.Select(r => r.Parse(CampaignGroupState.Parser))], page.Total);
    }

    /// <summary>Every group of the tenant, page by page.</summary>
    internal async IAsyncEnumerable<CampaignGroupState> ListAllAsync(string tenant, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var offset = 0; ; offset += MaxPageSize)
        {
            var (states, total) = await ListAsync(tenant, offset, MaxPageSize, cancellationToken).ConfigureAwait(false);
            foreach (var state in states)
            {
                yield return state;
            }

            if (states.Count < MaxPageSize || offset + states.Count >= total)
            {
                yield break;
            }
        }
    }
}
