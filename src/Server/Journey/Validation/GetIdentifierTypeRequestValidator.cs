using JourneyGrpc.Journey.V1;

namespace JourneyGrpc.Server.Journey.Validation;

/// <summary>Get identifier: acct6; identifierId a UUID (an unknown one is NOT_FOUND: spec section 6 #14).</summary>
internal static class GetIdentifierTypeRequestValidator
{
    internal static void Validate(GetIdentifierTypeRequest request)
    {
        var violations = new Violations();
        FieldRules.AccountId(violations, request.AccountId);
        FieldRules.Uuid(violations, "identifierId", request.IdentifierId);
        violations.ThrowIfAny();
    }
}
