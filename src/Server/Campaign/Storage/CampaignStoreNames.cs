namespace JourneyGrpc.Server.Campaign.Storage;

/// <summary>Where campaign status lives in <see cref="JourneyGrpc.Store.IJourneyStore"/>, per tenant.</summary>
internal static class CampaignStoreNames
{
    /// <summary>The event log: one <c>CampaignStatusEvent</c> per notification.</summary>
    internal const string Log = "campaign-status";

    /// <summary>
    /// Collection holding the log's head (a <c>google.protobuf.Int64Value</c>, id <see cref="Log"/>), written
    /// in the same batch as every append. Its version serializes writers (replicas too), which is what
    /// lets a writer know each event's sequence before the append commits.
    /// </summary>
    internal const string Heads = "campaign-log-heads";

    /// <summary>Collection of <c>CampaignGroupState</c> records, id = GSW_CAMPAIGN_GROUP_GUID.</summary>
    internal const string Groups = "campaign-groups";

    /// <summary>Index of every group (key <see cref="AllKey"/>), for listing in GUID order.</summary>
    internal const string AllIndex = "all";

    /// <summary>The one key of <see cref="AllIndex"/>.</summary>
    internal const string AllKey = "all";

    /// <summary>Index by GSW_CAMPAIGN_GROUP_NAME.</summary>
    internal const string NameIndex = "by-name";

    /// <summary>Index by GSW_CAMPAIGN_GROUP_DBID.</summary>
    internal const string DbidIndex = "by-dbid";
}
