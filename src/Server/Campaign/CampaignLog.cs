using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Server.Campaign;

/// <summary>Log messages of the campaign-status service; event ids 4001-4099 are stable.</summary>
internal static partial class CampaignLog
{
    /// <summary>The logger category.</summary>
    internal const string Category = "JourneyGrpc.Server.Campaign";

    [LoggerMessage(4001, LogLevel.Debug, "Recorded {Kind} of campaign group {Guid} in tenant '{Tenant}' as event {Sequence}.", EventName = "NotificationRecorded")]
    internal static partial void NotificationRecorded(ILogger logger, string kind, string guid, string tenant, long sequence);

    [LoggerMessage(4002, LogLevel.Warning, "Flagged event {Sequence} of campaign group {Guid} in tenant '{Tenant}' as {Check}: {Note}.", EventName = "TransitionFlagged")]
    internal static partial void TransitionFlagged(ILogger logger, long sequence, string guid, string tenant, string check, string note);

    [LoggerMessage(4003, LogLevel.Debug, "Rejected a campaign-group notification: {Reason}", EventName = "NotificationRejected")]
    internal static partial void NotificationRejected(ILogger logger, string reason);

    [LoggerMessage(4004, LogLevel.Debug, "Write of {Count} notifications of tenant '{Tenant}' lost a race with another writer (attempt {Attempt}); retrying.", EventName = "WriteConflictRetried")]
    internal static partial void WriteConflictRetried(ILogger logger, string tenant, int attempt, int count);

    [LoggerMessage(4005, LogLevel.Error, "Write of {Count} notifications of tenant '{Tenant}' failed; every one of them was refused.", EventName = "WriteFailed")]
    internal static partial void WriteFailed(ILogger logger, string tenant, int count, Exception exception);

    [LoggerMessage(4006, LogLevel.Information, "Watch of tenant '{Tenant}' fell behind the live feed at sequence {Sequence}; reading the log.", EventName = "WatchFellBehind")]
    internal static partial void WatchFellBehind(ILogger logger, string tenant, long sequence);

    [LoggerMessage(4007, LogLevel.Information, "Ended a watch of tenant '{Tenant}' {Lag} events behind (limit {MaxLag}).", EventName = "WatchTooFarBehind")]
    internal static partial void WatchTooFarBehind(ILogger logger, string tenant, long lag, long maxLag);

    [LoggerMessage(4008, LogLevel.Warning, "Reading the campaign-status log of tenant '{Tenant}' failed; retrying in {DelayMs} ms.", EventName = "FeedReadFailed")]
    internal static partial void FeedReadFailed(ILogger logger, string tenant, double delayMs, Exception exception);
}
