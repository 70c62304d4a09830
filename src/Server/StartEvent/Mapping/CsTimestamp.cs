using System.Globalization;

namespace JourneyGrpc.Server.StartEvent.Mapping;

/// <summary>
/// Context Services date/times: UTC ISO 8601 with milliseconds, <c>[YYYY]-[MM]-[DD]T[HH]:[mm]:[ss].[SSS]Z</c>
/// (End Event List, Query Services: https://docs.genesys.com/Documentation/CS/latest/API/EndEventList).
/// Input may carry 0 to 7 fractional digits and an offset; output is always the documented form.
/// </summary>
internal static class CsTimestamp
{
    private const string OutputFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'";

    private static readonly string[] InputFormats =
    [
        "yyyy'-'MM'-'dd'T'HH':'mm':'ssK",
        "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'FFFFFFFK",
    ];

    /// <summary>The instant, or null when <paramref name="text"/> is not ISO 8601 with a zone (<c>Z</c> or an offset).</summary>
    internal static DateTimeOffset? Parse(string text)
    {
        if (text.Length is < 20 or > 40 || !(text.EndsWith('Z') || text[^6] is '+' or '-'))
        {
            return null;
        }

        return DateTimeOffset.TryParseExact(text, InputFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var value) ? value : null;
    }

    /// <summary>The documented form, truncated to milliseconds.</summary>
    internal static string Format(DateTimeOffset value) => value.UtcDateTime.ToString(OutputFormat, CultureInfo.InvariantCulture);

    /// <summary>Unix milliseconds of a timestamp this service wrote (0 when unreadable).</summary>
    internal static long ToUnixMilliseconds(string text) => Parse(text)?.ToUnixTimeMilliseconds() ?? 0;
}
