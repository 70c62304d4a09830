namespace JourneyGrpc.Server.Campaign.Internal;

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

/// <summary>The result of <see cref="TenantEventFeed.Read"/>.</summary>
/// <param name="Status">What was found.</param>
/// <param name="Position">The sequence of the newest event the feed holds.</param>
/// <param name="Tick">How many heartbeat ticks the feed has had; a change means a heartbeat interval passed.</param>
/// <param name="Pulse">Completes at the next publish or tick.</param>
internal readonly record struct FeedRead(FeedReadStatus Status, long Position, long Tick, Task Pulse);
