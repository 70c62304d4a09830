using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace JourneyGrpc.Gateway.Internal.Binding;

/// <summary>
/// An <c>application/x-www-form-urlencoded</c> body (WHATWG URL §5.1): pairs split on <c>&amp;</c>
/// and <c>=</c> as bytes, then <c>+</c> and <c>%XX</c> decoded (<see cref="WebUtility.UrlDecodeToBytes(byte[], int, int)"/>),
/// then the bytes read as strict UTF-8. ASP.NET Core's form readers replace invalid bytes with
/// U+FFFD or keep an escape that decodes to invalid UTF-8 as literal text (<c>%FF</c>); either
/// would pass text the client never sent, so this reader fails naming the key instead.
/// A query string has the same form (<see cref="ThrowIfQueryNotUtf8"/>).
/// </summary>
internal static class FormBody
{
    internal static Dictionary<string, StringValues> Parse(ReadOnlyMemory<byte> body) =>
        Parse(body, BodyEncoding.InvalidUtf8, BodyEncoding.InvalidUtf8FormKey);

    /// <summary>
    /// Checks a raw query string (<c>?…</c>, still percent-encoded) as a form body is read: ASP.NET Core's query
    /// parser, which binds the query, keeps an escape that decodes to invalid UTF-8 (<c>%FF</c>) as literal text.
    /// </summary>
    internal static void ThrowIfQueryNotUtf8(QueryString query)
    {
        if (query.Value is { Length: > 1 } raw)
        {
            Parse(Encoding.UTF8.GetBytes(raw, 1, raw.Length - 1), BodyEncoding.InvalidUtf8Query, BodyEncoding.InvalidUtf8QueryKey);
        }
    }

    private static Dictionary<string, StringValues> Parse(ReadOnlyMemory<byte> body, string invalidValue, string invalidKey)
    {
        var form = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        var bytes = body.ToArray();
        var start = 0;
        while (start <= bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'&', start);
            if (end < 0)
            {
                end = bytes.Length;
            }

            if (end > start)
            {
                var equals = Array.IndexOf(bytes, (byte)'=', start, end - start);
                var keyEnd = equals < 0 ? end : equals;
                var key = Decode(bytes, start, keyEnd - start) ?? throw new BindingException(string.Empty, invalidKey);
                var value = equals < 0 ? string.Empty : Decode(bytes, equals + 1, end - equals - 1) ?? throw new BindingException(key, invalidValue);
                form[key] = form.TryGetValue(key, out var values) ? StringValues.Concat(values, value) : new StringValues(value);
            }

            start = end + 1;
        }

        return form;
    }

    // Null when the decoded bytes are not UTF-8 (raw, overlong, surrogate or truncated sequences alike).
    private static string? Decode(byte[] bytes, int offset, int count)
    {
        if (count == 0)
        {
            return string.Empty;
        }

        try
        {
            return BodyEncoding.StrictUtf8.GetString(WebUtility.UrlDecodeToBytes(bytes, offset, count));
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
