using JourneyGrpc.Journey.V1;

namespace JourneyGrpc.Server.Journey.Validation;

/// <summary>Append identifiers: acct6; engagementId a UUID; identifiers 1..10 names.</summary>
internal static class AppendIdentifiersRequestValidator
{
    internal static void Validate(AppendIdentifiersRequest request)
    {
        var violations = new Violations();
        FieldRules.AccountId(violations, request.AccountId);
        FieldRules.Uuid(violations, "engagementId", request.EngagementId);
        FieldRules.Identifiers(violations, request.Identifiers, required: true);
        violations.ThrowIfAny();
    }
}
