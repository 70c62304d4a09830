using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using JourneyGrpc.Server.Hosting.Grpc;

namespace JourneyGrpc.Server.Journey.Errors;

/// <summary>
/// The typed errors of the journey service: google.rpc.Status with details in
/// <c>grpc-status-details-bin</c>, which the gateway renders as RFC 7807 problems.
/// </summary>
internal static class JourneyErrors
{
    /// <summary>The google.rpc.PreconditionFailure type of a second agent note on an engagement (REST 422).</summary>
    internal const string AgentNoteExistsType = "AGENT_NOTE_EXISTS";

    /// <summary>The google.rpc.PreconditionFailure type of a journey that would link too many identifiers.</summary>
    internal const string JourneyTooLargeType = "JOURNEY_TOO_LARGE";

    /// <summary>The google.rpc.PreconditionFailure type of an account at its identifier type limit.</summary>
    internal const string IdentifierLimitType = "IDENTIFIER_TYPE_LIMIT";

    /// <summary>INVALID_ARGUMENT with one google.rpc.BadRequest field violation per problem.</summary>
    internal static RpcException InvalidArgument(IReadOnlyList<BadRequest.Types.FieldViolation> violations) =>
        RichStatus.InvalidArgument(string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")), violations);

    /// <summary>INVALID_ARGUMENT for one field.</summary>
    internal static RpcException InvalidArgument(string field, string description) =>
        InvalidArgument([new BadRequest.Types.FieldViolation { Field = field, Description = description }]);

    /// <summary>NOT_FOUND naming the resource (google.rpc.ResourceInfo).</summary>
    internal static RpcException NotFound(string resourceType, string resourceName) => new Google.Rpc.Status
    {
        Code = (int)Code.NotFound,
        Message = $"{resourceType} '{resourceName}' not found.",
        Details = { Any.Pack(new ResourceInfo { ResourceType = resourceType, ResourceName = resourceName, Description = "Resource not found." }) },
    }.ToRpcException();

    /// <summary>
    /// FAILED_PRECONDITION: the engagement has its one agent note already. The gateway sends HTTP 422
    /// for this method (rest_method error_statuses); the violation is the spec's example verbatim.
    /// </summary>
    /// <remarks>
    /// The same violation is also a google.rpc.BadRequest field violation (<c>Engagement</c>), which the
    /// gateway renders as the problem's <c>violations</c>, as the spec's AgentNoteAlreadyExists example has.
    /// </remarks>
    internal static RpcException AgentNoteExists(string accountId, string engagementId)
    {
        var description = $"You cannot create second note for accountId = {accountId} and engagementId = {engagementId}";
        return new Google.Rpc.Status
        {
            Code = (int)Code.FailedPrecondition,
            Message = description,
            Details =
            {
                Any.Pack(new PreconditionFailure { Violations = { new PreconditionFailure.Types.Violation { Type = AgentNoteExistsType, Subject = "Engagement", Description = description } } }),
                Any.Pack(new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = "Engagement", Description = description } } }),
            },
        }.ToRpcException();
    }

    /// <summary>FAILED_PRECONDITION: the merge would link more identifiers into one journey than allowed.</summary>
    internal static RpcException JourneyTooLarge(int members, int limit) =>
        FailedPrecondition(JourneyTooLargeType, "identifiers", $"a journey links at most {limit} identifiers; this one would link {members}");

    /// <summary>FAILED_PRECONDITION: the account has its maximum of identifier types.</summary>
    internal static RpcException IdentifierTypeLimit(string accountId, int limit) =>
        FailedPrecondition(IdentifierLimitType, "accountId", $"account '{accountId}' already has {limit} identifiers, the most an account can have");

    private static RpcException FailedPrecondition(string type, string subject, string description) => new Google.Rpc.Status
    {
        Code = (int)Code.FailedPrecondition,
        Message = description,
        Details = { Any.Pack(new PreconditionFailure { Violations = { new PreconditionFailure.Types.Violation { Type = type, Subject = subject, Description = description } } }) },
    }.ToRpcException();
}
