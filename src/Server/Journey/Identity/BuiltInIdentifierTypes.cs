using JourneyGrpc.Journey.V1;

namespace JourneyGrpc.Server.Journey.Identity;

/// <summary>
/// The identifier names every account collects without configuring them (spec: "out-of-the-box
/// identifiers like phone number, email address, and account ID"), with the seed overview's
/// strengths. An administrator may still create a type of the same name to give it a display
/// name and strength; deleting that type does not stop a built-in name being collected.
/// </summary>
internal static class BuiltInIdentifierTypes
{
    internal const string PhoneNumbers = "phoneNumbers";
    internal const string EmailAddresses = "emailAddresses";
    internal const string AccountIds = "accountIds";

    internal static IReadOnlyDictionary<string, IdentifierStrength> Strengths { get; } = new Dictionary<string, IdentifierStrength>(StringComparer.Ordinal)
    {
        [PhoneNumbers] = IdentifierStrength.Weak,
        [EmailAddresses] = IdentifierStrength.Strong,
        [AccountIds] = IdentifierStrength.VeryStrong,
    };

    internal static bool IsBuiltIn(string name) => Strengths.ContainsKey(name);
}
