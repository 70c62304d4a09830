namespace JourneyGrpc.Server.WebEngagement.Storage;

/// <summary>Where web actions live in <see cref="JourneyGrpc.Store.IJourneyStore"/>; the tenant is the deployment id (lower case).</summary>
internal static class EngagementStoreNames
{
    /// <summary>Collection of <c>WebAction</c> records, id = the action id.</summary>
    internal const string Actions = "web-actions";

    /// <summary>The deployment's log: one <c>WebActionEvent</c> per state change.</summary>
    internal const string Log = "web-action-events";

    /// <summary>Index of the attempts in progress (QUALIFIED, OFFERED as written) by visitID; unique in strict engagement mode.</summary>
    internal const string InProgressByVisit = "in-progress-by-visit";

    /// <summary>Index of QUALIFIED actions by customer cookie id (globalVisitID), sorted by creation time: what a ping answers.</summary>
    internal const string WaitingByCustomer = "waiting-by-customer";

    /// <summary>
    /// Index of performance counts: one entry per metric the action reached, key
    /// <c>{actionMapId}|{version}|{metric}</c>, sorted by when (Unix ms). A count over a time range is a
    /// COUNT over one key's range of the index's primary key, never a scan of the actions.
    /// </summary>
    internal const string Metrics = "metrics";

    internal static string MetricKey(string actionMapId, int version, string metric) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{actionMapId}|{version}|{metric}");

    /// <summary>The store tenant of a deployment: ids compare case-insensitively, the store does not.</summary>
    internal static string Tenant(string deploymentId) => deploymentId.ToLowerInvariant();
}
