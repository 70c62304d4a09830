namespace JourneyGrpc.Server.Campaign.Watching;

/// <summary>What a watch found when it read the live feed at its cursor.</summary>
internal enum FeedReadStatus
{
    /// <summary>Events after the cursor were copied out.</summary>
    Events,

    /// <summary>Nothing after the cursor yet: wait for <see cref="FeedRead.Pulse"/>.</summary>
    UpToDate,

    /// <summary>The events after the cursor have left the feed's window: read them from the log.</summary>
    FellBehind,
}
