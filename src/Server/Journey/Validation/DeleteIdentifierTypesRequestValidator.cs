using JourneyGrpc.Journey.V1;

namespace JourneyGrpc.Server.Journey.Validation;

/// <summary>Delete identifiers: acct6; 1..50 items of 3..50 characters (ids or names: spec section 6 #12).</summary>
internal static class DeleteIdentifierTypesRequestValidator
{
    internal const int MaxItems = 50;

    internal static void Validate(DeleteIdentifierTypesRequest request)
    {
        var violations = new Violations();
        FieldRules.AccountId(violations, request.AccountId);
        if (request.IdentifierIds.Count is < 1 or > MaxItems)
        {
            violations.Add("identifierIds", ValidationMessages.Size(1, MaxItems));
        }

        for (var i = 0; i < request.IdentifierIds.Count; i++)
        {
            FieldRules.Length(violations, $"identifierIds[{i}]", request.IdentifierIds[i], 3, 50);
        }

        violations.ThrowIfAny();
    }
}
