using JourneyGrpc.Journey.V1;

namespace JourneyGrpc.Server.Journey.Validation;

/// <summary>GET engagement: acct6; engagementId a UUID.</summary>
internal static class GetEngagementRequestValidator
{
    internal static void Validate(GetEngagementRequest request)
    {
        var violations = new Violations();
        FieldRules.AccountId(violations, request.AccountId);
        FieldRules.Uuid(violations, "engagementId", request.EngagementId);
        violations.ThrowIfAny();
    }
}
