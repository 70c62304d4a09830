using JourneyGrpc.Journey.V1;
using JourneyGrpc.Server.Journey.Identity;
using JourneyGrpc.Server.Journey.Storage;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.Journey.Engagements;

/// <summary>
/// The one batch a create-engagement commits: the engagement with all of its index entries and the
/// identity links of its identifiers, so the engagement is never stored unlinked.
/// </summary>
internal static class CreateEngagementBatch
{
    internal static WriteBatch For(Engagement engagement, LinkPlan plan)
    {
        var batch = new WriteBatch().Insert(JourneyCollections.Engagements, engagement.Id, engagement, EngagementIndexer.For(engagement));
        plan.AddTo(batch);
        return batch;
    }

    /// <summary>A repeated create: the first write stands, only linking its identifiers may be left to finish.</summary>
    internal static WriteBatch LinkOnly(LinkPlan plan)
    {
        var batch = new WriteBatch();
        plan.AddTo(batch);
        return batch;
    }
}
