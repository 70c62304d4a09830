using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Journey.V1;

namespace JourneyGrpc.Server.Journey.Validation;

/// <summary>
/// Unlink identifier: acct6; identifiers 1..10 names (flat, as every example sends them: spec section 6
/// #6); unlinkIdentifier exactly one name (at most 50 characters) to one value of 1..256 characters,
/// which must be one of the identifiers.
/// </summary>
internal static class UnlinkIdentifierRequestValidator
{
    internal static void Validate(UnlinkIdentifierRequest request)
    {
        var violations = new Violations();
        FieldRules.AccountId(violations, request.AccountId);
        FieldRules.Identifiers(violations, request.Identifiers, required: true);
        if (request.UnlinkIdentifier.Count != 1)
        {
            violations.Add("unlinkIdentifier", ValidationMessages.Size(1, 1));
        }
        else
        {
            var (name, value) = request.UnlinkIdentifier.Single();
            if (name.Length is 0 or > FieldRules.MaxIdentifierNameLength)
            {
                violations.Add($"unlinkIdentifier.{name}", ValidationMessages.Size(1, FieldRules.MaxIdentifierNameLength));
            }
            else if (value.Length is 0 or > FieldRules.MaxIdentifierValueLength)
            {
                violations.Add($"unlinkIdentifier.{name}", ValidationMessages.Size(1, FieldRules.MaxIdentifierValueLength));
            }
            else if (request.Identifiers.Count > 0 && (!request.Identifiers.TryGetValue(name, out var list)
                || list?.Values.Any(v => v.KindCase == Value.KindOneofCase.StringValue && v.StringValue == value) != true))
            {
                violations.Add("unlinkIdentifier", ValidationMessages.UnlinkNotInIdentifiers);
            }
        }

        violations.ThrowIfAny();
    }
}
