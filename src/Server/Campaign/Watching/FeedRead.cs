namespace JourneyGrpc.Server.Campaign.Watching;

/// <summary>The result of <see cref="TenantEventFeed.Read"/>.</summary>
/// <param name="Status">What was found.</param>
/// <param name="Position">The sequence of the newest event the feed holds.</param>
/// <param name="Tick">How many heartbeat ticks the feed has had; a change means a heartbeat interval passed.</param>
/// <param name="Pulse">Completes at the next publish or tick.</param>
internal readonly record struct FeedRead(FeedReadStatus Status, long Position, long Tick, Task Pulse);
