using JourneyGrpc.Journey.V1;

namespace JourneyGrpc.Server.Journey.Validation;

/// <summary>
/// Update engagement: acct6; engagementId a UUID; <c>timestamp</c> not null; identifiers optional (at most
/// 10 names); write limits on conversations and data. Unconfigured identifier names are a 400 from
/// the service ("No valid identifiers configured for account" / "Invalid customerIds type …").
/// </summary>
internal static class UpdateEngagementRequestValidator
{
    internal static void Validate(UpdateEngagementRequest request)
    {
        var violations = new Violations();
        FieldRules.AccountId(violations, request.AccountId);
        FieldRules.Uuid(violations, "engagementId", request.EngagementId);
        FieldRules.RequiredTimestamp(violations, "timestamp", request.Timestamp);
        FieldRules.Identifiers(violations, request.Identifiers, required: false);
        FieldRules.Conversations(violations, request.Conversations);
        FieldRules.Data(violations, request.Data);
        EngagementFieldRules.Attributes(violations, request.Attributes);
        violations.ThrowIfAny();
    }
}
