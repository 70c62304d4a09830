using JourneyGrpc.Journey.V1;

namespace JourneyGrpc.Server.Journey.Validation;

/// <summary>Create journey: acct6; identifiers 1..10 names holding at least one value.</summary>
internal static class CreateJourneyRequestValidator
{
    internal static void Validate(CreateJourneyRequest request)
    {
        var violations = new Violations();
        FieldRules.AccountId(violations, request.AccountId);
        FieldRules.Identifiers(violations, request.Identifiers, required: true);
        if (request.Identifiers.Count > 0 && !FieldRules.HasAnyValue(request.Identifiers))
        {
            violations.Add("identifiers", ValidationMessages.NotEmpty);
        }

        violations.ThrowIfAny();
    }
}
