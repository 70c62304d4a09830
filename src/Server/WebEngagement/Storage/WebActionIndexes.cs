using JourneyGrpc.WebEngagement.V1;
using JourneyGrpc.Server.WebEngagement.Lifecycle;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.WebEngagement.Storage;

/// <summary>The index entries of a web action as written (a write replaces all of a record's entries).</summary>
internal static class WebActionIndexes
{
    internal static IndexEntry[] For(WebAction action, bool strict)
    {
        var entries = new List<IndexEntry>(8);
        if (WebActionLifecycle.IsInProgress(action.State))
        {
            entries.Add(new IndexEntry(EngagementStoreNames.InProgressByVisit, action.SessionId, IsUnique: strict));
        }

        if (action.State == WebActionState.Qualified && action.CustomerId.Length > 0)
        {
            entries.Add(new IndexEntry(EngagementStoreNames.WaitingByCustomer, action.CustomerId, action.CreateTime.ToDateTimeOffset().ToUnixTimeMilliseconds()));
        }

        if (action.ActionMapId.Length > 0)
        {
            var seen = new HashSet<PerformanceMetric>();
            foreach (var change in action.History)
            {
                if (PerformanceMetrics.Of(change.State) is { } metric && seen.Add(metric))
                {
                    var key = EngagementStoreNames.MetricKey(action.ActionMapId, action.ActionMapVersion, PerformanceMetrics.KeyName(metric));
                    entries.Add(new IndexEntry(EngagementStoreNames.Metrics, key, change.Time.ToDateTimeOffset().ToUnixTimeMilliseconds()));
                }
            }
        }

        return [.. entries];
    }
}
