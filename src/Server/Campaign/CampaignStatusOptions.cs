namespace JourneyGrpc.Server.Campaign;

/// <summary>Limits and intervals of the campaign-status service; bound from configuration section <c>CampaignStatus</c>.</summary>
internal sealed class CampaignStatusOptions
{
    /// <summary>The configuration section.</summary>
    internal const string SectionName = "CampaignStatus";

    /// <summary>How long a watch may stay silent before it gets a heartbeat, 100 ms to 1 h (default 15 s).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The newest events of a tenant kept in memory, parsed once and shared by all its live watches,
    /// 16 to 100,000 (default 8192). A watch whose cursor falls out of this window reads the log
    /// itself, so memory depends neither on how many watches there are nor on how slow they are.
    /// </summary>
    public int WatchBufferSize { get; set; } = 8192;

    /// <summary>
    /// How many events a watch that fell off the live feed may be behind the log's head before it is
    /// ended with RESOURCE_EXHAUSTED, at least <see cref="WatchBufferSize"/> (default 100,000).
    /// A watch replaying the log from an old <c>after_sequence</c> is not limited.
    /// </summary>
    public long MaxWatchLagEvents { get; set; } = 100_000;

    /// <summary>
    /// How long a tenant's live feed waits, after waking its watches with new events, before it takes
    /// more, 0 to 1 s (default 10 ms). Under load each wake then carries the events of an interval,
    /// which every watch writes with one flush, instead of waking every watch for every commit; an
    /// event that arrives while the feed is idle goes out at once. 0 wakes the watches for every commit.
    /// </summary>
    public TimeSpan WatchBatchInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Events read from the log at a time, 1 to 10,000 (default 500).</summary>
    public int ReadPageSize { get; set; } = 500;

    /// <summary>The most notifications one store write takes, 1 to 1000 (default 256).</summary>
    public int MaxReportsPerWrite { get; set; } = 256;

    /// <summary>Notifications waiting for the writer per tenant before reports wait for room, 1 to 1,000,000 (default 10,000).</summary>
    public int MaxPendingReports { get; set; } = 10_000;

    /// <summary>The configuration key of a property, e.g. <c>CampaignStatus:HeartbeatInterval</c>.</summary>
    internal static string Key(string property) => $"{SectionName}:{property}";
}
