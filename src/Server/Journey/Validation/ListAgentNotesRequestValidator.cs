using JourneyGrpc.Journey.V1;

namespace JourneyGrpc.Server.Journey.Validation;

/// <summary>Get agent notes: acct6; engagementId a UUID (the spec only says "Bad Request.").</summary>
internal static class ListAgentNotesRequestValidator
{
    internal static void Validate(ListAgentNotesRequest request)
    {
        var violations = new Violations();
        FieldRules.AccountId(violations, request.AccountId);
        FieldRules.Uuid(violations, "engagementId", request.EngagementId);
        violations.ThrowIfAny();
    }
}
