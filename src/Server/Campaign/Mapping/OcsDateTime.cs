using System.Globalization;

namespace JourneyGrpc.Server.Campaign.Mapping;

/// <summary>
/// GSW_DATE_TIME: "UTC time as seconds, with msec precision" (OCS field table), e.g. <c>1763726400.125</c>.
/// RFC 3339 is accepted as well, so a body that spells the time as a date still orders correctly.
/// </summary>
internal static class OcsDateTime
{
    private const long MaxSeconds = 253_402_300_799; // 9999-12-31T23:59:59Z

    /// <summary>Milliseconds since the Unix epoch, or false when <paramref name="text"/> is neither form.</summary>
    internal static bool TryParse(string? text, out long unixMilliseconds)
    {
        unixMilliseconds = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (TryParseSeconds(text, out unixMilliseconds))
        {
            return true;
        }

        if (text.Length >= 20 && text[4] == '-' && text[10] is 'T' or 't'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            unixMilliseconds = time.ToUnixTimeMilliseconds();
            return true;
        }

        return false;
    }

    // Digits, optionally a point and 1 to 9 more digits; fractions below a millisecond are dropped.
    private static bool TryParseSeconds(string text, out long unixMilliseconds)
    {
        unixMilliseconds = 0;
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? string.Empty : text[(point + 1)..];
        if (whole.Length is 0 or > 12 || !whole.All(char.IsAsciiDigit) || (point >= 0 && (fraction.Length is 0 or > 9 || !fraction.All(char.IsAsciiDigit))))
        {
            return false;
        }

        var seconds = long.Parse(whole, CultureInfo.InvariantCulture);
        if (seconds > MaxSeconds)
        {
            return false;
        }

        var milliseconds = fraction.Length == 0 ? 0 : int.Parse(fraction.PadRight(3, '0')[..3], CultureInfo.InvariantCulture);
        unixMilliseconds = (seconds * 1000) + milliseconds;
        return true;
    }
}
