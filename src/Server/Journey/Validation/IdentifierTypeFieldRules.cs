using JourneyGrpc.Journey.V1;

namespace JourneyGrpc.Server.Journey.Validation;

/// <summary>The body rules shared by create and update identifier type.</summary>
internal static class IdentifierTypeFieldRules
{
    /// <summary>name not empty, 3..50 of [a-zA-Z0-9_.]; displayName not empty, 3..50; identifierStrength WEAK, STRONG or VERY_STRONG.</summary>
    internal static void Body(Violations violations, string name, string displayName, IdentifierStrength strength)
    {
        FieldRules.RequiredLength(violations, "name", name, 3, 50);
        if (name.Length > 0 && !FieldRules.IsIdentifierName(name))
        {
            violations.Add("name", ValidationMessages.IdentifierNamePattern);
        }

        FieldRules.RequiredLength(violations, "displayName", displayName, 3, 50);

        // The spec's text says "VERY STRONG"; the wire value is VERY_STRONG (section 6 #2). The field is
        // deprecated yet required (#3): it stays required, as the 400 list says.
        if (strength is not (IdentifierStrength.Weak or IdentifierStrength.Strong or IdentifierStrength.VeryStrong))
        {
            violations.Add("identifierStrength", ValidationMessages.Strength);
        }
    }
}
