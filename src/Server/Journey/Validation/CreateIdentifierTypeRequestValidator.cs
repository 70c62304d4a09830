using JourneyGrpc.Journey.V1;

namespace JourneyGrpc.Server.Journey.Validation;

/// <summary>Create identifier: acct6; name; displayName; identifierStrength (duplicate names are a 400 from the service).</summary>
internal static class CreateIdentifierTypeRequestValidator
{
    internal static void Validate(CreateIdentifierTypeRequest request)
    {
        var violations = new Violations();
        FieldRules.AccountId(violations, request.AccountId);
        IdentifierTypeFieldRules.Body(violations, request.Name, request.DisplayName, request.IdentifierStrength);
        violations.ThrowIfAny();
    }
}
