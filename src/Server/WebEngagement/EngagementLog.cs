using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Server.WebEngagement;

/// <summary>Log messages of the engagement service; event ids 5001-5099 are stable.</summary>
internal static partial class EngagementLog
{
    /// <summary>The logger category.</summary>
    internal const string Category = "JourneyGrpc.Server.WebEngagement";

    [LoggerMessage(5001, LogLevel.Debug, "Started engagement attempt {ActionId} for visit {VisitId} in deployment {DeploymentId}.", EventName = "AttemptStarted")]
    internal static partial void AttemptStarted(ILogger logger, string actionId, string visitId, string deploymentId);

    [LoggerMessage(5002, LogLevel.Debug, "Cancelled {Count} engagement attempt(s) of visit {VisitId} in deployment {DeploymentId}.", EventName = "AttemptsCancelled")]
    internal static partial void AttemptsCancelled(ILogger logger, int count, string visitId, string deploymentId);

    [LoggerMessage(5003, LogLevel.Debug, "Web action {ActionId} of deployment {DeploymentId} moved from {From} to {To}.", EventName = "ActionMoved")]
    internal static partial void ActionMoved(ILogger logger, string actionId, string deploymentId, string from, string to);

    [LoggerMessage(5004, LogLevel.Debug, "Refused a change of web action {ActionId}: {Reason}", EventName = "ChangeRefused")]
    internal static partial void ChangeRefused(ILogger logger, string actionId, string reason);

    [LoggerMessage(5005, LogLevel.Debug, "{Operation} lost a race with another writer (attempt {Attempt}); retrying.", EventName = "WriteRetried")]
    internal static partial void WriteRetried(ILogger logger, string operation, int attempt);
}
