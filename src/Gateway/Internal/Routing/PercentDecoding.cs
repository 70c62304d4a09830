using System.Text;

namespace JourneyGrpc.Gateway.Internal.Routing;

/// <summary>
/// Percent-decoding of path segments. http.proto: single-segment variables are fully decoded;
/// multi-segment variables (<c>{name=shelves/*}</c>, <c>{x=**}</c>) keep <c>%2F</c> encoded so a
/// decoded value can't invent segments.
/// </summary>
internal static class PercentDecoding
{
    /// <summary>Decodes every escape; null when an escape is malformed or the bytes are not UTF-8.</summary>
    internal static string? Decode(string text, bool keepEncodedSlash = false)
    {
        if (!text.Contains('%', StringComparison.Ordinal))
        {
            return text;
        }

        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '%')
            {
                if (c > 0x7f)
                {
                    bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                }
                else
                {
                    bytes.Add((byte)c);
                }

                continue;
            }

            if (i + 2 >= text.Length || !IsHex(text[i + 1]) || !IsHex(text[i + 2]))
            {
                return null;
            }

            var value = (byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2]));
            if (keepEncodedSlash && value == (byte)'/')
            {
                bytes.Add((byte)'%');
                bytes.Add((byte)text[i + 1]);
                bytes.Add((byte)text[i + 2]);
            }
            else
            {
                bytes.Add(value);
            }

            i += 2;
        }

        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
