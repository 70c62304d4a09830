using System.Text;
using System.Text.Unicode;

namespace JourneyGrpc.Gateway.Internal.Binding;

/// <summary>
/// The one text encoding of request bodies: UTF-8 (RFC 8259 §8.1 for JSON; the form body carries
/// JSON and the fields of a JSON message). Text that is not UTF-8 is a client error naming the
/// field, never a replacement character passed on; a leading byte order mark is valid UTF-8 and
/// is ignored, as RFC 8259 allows and System.Text.Json's document readers do.
/// </summary>
internal static class BodyEncoding
{
    internal const string InvalidUtf8 = "not valid UTF-8; request bodies must be UTF-8 text.";

    /// <summary>
    /// A <c>\uD800</c>–<c>\uDFFF</c> escape without its pair encodes no character. System.Text.Json
    /// refuses to read it as a string and protobuf strings must be valid UTF-8, so it is rejected
    /// as a bad value (https://www.rfc-editor.org/rfc/rfc8259#section-8.2).
    /// </summary>
    internal const string LoneSurrogate = "a \\u escape is an unpaired UTF-16 surrogate (\\uD800-\\uDFFF), which is not a Unicode character.";

    internal const string InvalidUtf8PropertyName = "a property name is " + InvalidUtf8;

    internal const string InvalidUtf8FormKey = "a form key is " + InvalidUtf8;

    /// <summary>A query value whose percent-decoded bytes are not UTF-8.</summary>
    internal const string InvalidUtf8Query = "not valid UTF-8 once percent-decoded; the query must be UTF-8 text.";

    internal const string InvalidUtf8QueryKey = "a query key is " + InvalidUtf8Query;

    /// <summary>Strict: throws <see cref="DecoderFallbackException"/> instead of substituting U+FFFD.</summary>
    internal static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>True for no charset or UTF-8's names (RFC 9110 §8.3.2: case-insensitive).</summary>
    internal static bool IsUtf8Charset(string? charset) =>
        charset is null
        || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
        || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);

    internal const string WideByteOrderMark = "the request body starts with a UTF-16 or UTF-32 byte order mark; request bodies must be UTF-8 text.";

    /// <summary>
    /// The body without a leading UTF-8 byte order mark; a UTF-16 or UTF-32 one (FF FE, FE FF, 00 00 FE FF)
    /// is a binding error saying so, rather than the JSON reader's "'0xFF' is an invalid start of a value".
    /// </summary>
    internal static ReadOnlyMemory<byte> WithoutByteOrderMark(byte[] body)
    {
        var span = body.AsSpan();
        if (span.StartsWith(Encoding.UTF8.Preamble))
        {
            return body.AsMemory(Encoding.UTF8.Preamble.Length);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || span.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            throw new BindingException(string.Empty, WideByteOrderMark);
        }

        return body;
    }

    /// <summary>Why a JSON string token that System.Text.Json refused to read is not text: its bytes, or a lone surrogate escape.</summary>
    internal static string DescribeUnreadableString(ReadOnlySpan<byte> rawValue) =>
        Utf8.IsValid(rawValue) ? LoneSurrogate : InvalidUtf8;

    internal static string UnsupportedCharset(string contentType, string charset) =>
        $"Content-Type '{contentType}': charset '{charset}' is not supported; request bodies must be UTF-8 (charset=utf-8 or no charset).";
}
