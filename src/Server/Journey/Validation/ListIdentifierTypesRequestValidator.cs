using JourneyGrpc.Journey.V1;

namespace JourneyGrpc.Server.Journey.Validation;

/// <summary>List identifiers: acct6.</summary>
internal static class ListIdentifierTypesRequestValidator
{
    internal static void Validate(ListIdentifierTypesRequest request)
    {
        var violations = new Violations();
        FieldRules.AccountId(violations, request.AccountId);
        violations.ThrowIfAny();
    }
}
