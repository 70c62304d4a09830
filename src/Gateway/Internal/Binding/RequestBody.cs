using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace JourneyGrpc.Gateway.Internal.Binding;

/// <summary>Reads a whole request body, bounded, and classifies its content type.</summary>
internal static class RequestBody
{
    internal const string JsonMediaType = "application/json";
    internal const string FormMediaType = "application/x-www-form-urlencoded";

    /// <summary>The body's bytes; throws <see cref="PayloadTooLargeException"/> past <paramref name="limit"/>.</summary>
    internal static async ValueTask<byte[]> ReadAsync(PipeReader reader, long? contentLength, int limit, CancellationToken cancellationToken)
    {
        if (contentLength > limit)
        {
            throw TooLarge(limit);
        }

        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (buffer.Length > limit)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                throw TooLarge(limit);
            }

            if (result.IsCompleted)
            {
                var bytes = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return bytes;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>
    /// True for JSON (<c>application/json</c>, any <c>+json</c>, or no content type), false for a form;
    /// throws for anything else, and for a charset other than UTF-8: 415, since the body may be fine
    /// in its own encoding but is a representation the gateway does not take (RFC 9110 §15.5.16).
    /// </summary>
    internal static bool IsJson(string? contentType, bool formAllowed)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return true;
        }

        if (MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            var json = mediaType.MediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase) || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);
            if (json || (formAllowed && mediaType.MediaType.Equals(FormMediaType, StringComparison.OrdinalIgnoreCase)))
            {
                var charset = HeaderUtilities.RemoveQuotes(mediaType.Charset).Value;
                return BodyEncoding.IsUtf8Charset(charset)
                    ? json
                    : throw new UnsupportedMediaTypeException(BodyEncoding.UnsupportedCharset(contentType, charset!));
            }
        }

        throw new UnsupportedMediaTypeException(formAllowed
            ? $"Content-Type '{contentType}' is not supported; send {JsonMediaType} (UTF-8) or {FormMediaType}."
            : $"Content-Type '{contentType}' is not supported; send {JsonMediaType} (UTF-8).");
    }

    private static PayloadTooLargeException TooLarge(int limit) => new($"The request body is larger than {limit} bytes.");
}
