using JourneyGrpc.Journey.V1;

namespace JourneyGrpc.Server.Journey.Validation;

/// <summary>Update identifier: acct6; identifierId a UUID; name; displayName; identifierStrength.</summary>
internal static class UpdateIdentifierTypeRequestValidator
{
    internal static void Validate(UpdateIdentifierTypeRequest request)
    {
        var violations = new Violations();
        FieldRules.AccountId(violations, request.AccountId);
        FieldRules.Uuid(violations, "identifierId", request.IdentifierId);
        IdentifierTypeFieldRules.Body(violations, request.Name, request.DisplayName, request.IdentifierStrength);
        violations.ThrowIfAny();
    }
}
