namespace JourneyGrpc.Server.WebEngagement.Validation;

/// <summary>The UUID shape the Genesys ids have: 36 characters, 8-4-4-4-12 hexadecimal digits, either case.</summary>
internal static class Uuid
{
    internal const string Shape = "a UUID (8-4-4-4-12 hexadecimal digits)";

    internal static bool IsValid(string? value) => value is { Length: 36 } && Guid.TryParseExact(value, "D", out _);

    /// <summary>A new random (version 4) id, lower case.</summary>
    internal static string NewId() => Guid.NewGuid().ToString("D");
}
