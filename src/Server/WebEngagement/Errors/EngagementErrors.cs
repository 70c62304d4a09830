using Google.Rpc;
using Grpc.Core;
using JourneyGrpc.WebEngagement.V1;
using JourneyGrpc.Server.Hosting.Grpc;

namespace JourneyGrpc.Server.WebEngagement.Errors;

/// <summary>The statuses the engagement service ends calls with; their messages are asserted by tests.</summary>
internal static class EngagementErrors
{
    /// <summary>INVALID_ARGUMENT with a google.rpc.BadRequest listing every violation.</summary>
    internal static RpcException InvalidArgument(string subject, IReadOnlyList<BadRequest.Types.FieldViolation> violations) =>
        RichStatus.InvalidArgument($"{subject}: {string.Join("; ", violations.Select(v => $"{v.Field} {v.Description}"))}.", violations);

    /// <summary>FAILED_PRECONDITION: strict engagement mode and the visit has an attempt in progress.</summary>
    internal static RpcException AttemptInProgress(string visitId, string actionId, WebActionState state) =>
        new(new Grpc.Core.Status(StatusCode.FailedPrecondition, $"Visit {visitId} already has engagement attempt {actionId} in progress ({Names.Of(state)}); strictEngagementMode allows one attempt at a time per visit."));

    /// <summary>NOT_FOUND: noengage for a visit with no attempt in progress.</summary>
    internal static RpcException NoAttemptInProgress(string deploymentId, string visitId, string interactionId) =>
        new(new Grpc.Core.Status(StatusCode.NotFound, interactionId.Length == 0
            ? $"Visit {visitId} has no engagement attempt in progress in deployment {deploymentId}."
            : $"Visit {visitId} has no engagement attempt in progress for interaction '{interactionId}' in deployment {deploymentId}."));

    /// <summary>NOT_FOUND: no such web action (or not of that session).</summary>
    internal static RpcException ActionNotFound(string deploymentId, string actionId) =>
        new(new Grpc.Core.Status(StatusCode.NotFound, $"Web action {actionId} does not exist in deployment {deploymentId}."));

    /// <summary>NOT_FOUND: the action exists but belongs to another session.</summary>
    internal static RpcException SessionMismatch(string actionId, string sessionId) =>
        new(new Grpc.Core.Status(StatusCode.NotFound, $"Web action {actionId} is not an action of session {sessionId}."));

    /// <summary>FAILED_PRECONDITION: the lifecycle does not allow the change.</summary>
    internal static RpcException TransitionRefused(string actionId, string reason) =>
        new(new Grpc.Core.Status(StatusCode.FailedPrecondition, $"Web action {actionId}: {reason}"));

    /// <summary>OUT_OF_RANGE for a resume point beyond the log's head.</summary>
    internal static RpcException AfterSequenceBeyondHead(string deploymentId, long afterSequence, long head) =>
        new(new Grpc.Core.Status(StatusCode.OutOfRange, $"after_sequence {afterSequence} is beyond the newest web-action change ({head}) of deployment {deploymentId}."));
}
