using System.Collections.Frozen;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace JourneyGrpc.Gateway.Internal.Handlers;

/// <summary>
/// HTTP headers ↔ gRPC metadata. Only the configured request headers travel to the call
/// (by default <c>authorization</c>, <c>appkey</c>, <c>x-request-id</c>); the call's response
/// headers and trailers come back as HTTP headers, except gRPC's own <c>grpc-*</c> keys and
/// headers HTTP itself owns.
/// </summary>
internal static class CallMetadata
{
    private static readonly FrozenSet<string> ReservedResponseHeaders = new[]
    {
        HeaderNames.ContentType, HeaderNames.ContentLength, HeaderNames.TransferEncoding, HeaderNames.Connection,
        HeaderNames.KeepAlive, HeaderNames.Upgrade, HeaderNames.Trailer, HeaderNames.TE, HeaderNames.Date, HeaderNames.Server,
        HeaderNames.ContentEncoding,
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    internal static Metadata FromRequest(HttpRequest request, FrozenSet<string> forwarded)
    {
        var metadata = new Metadata();
        foreach (var name in forwarded)
        {
            if (request.Headers.TryGetValue(name, out var values))
            {
                foreach (var value in values)
                {
                    metadata.Add(name, value ?? string.Empty);
                }
            }
        }

        return metadata;
    }

    internal static void CopyToResponse(Metadata? metadata, HttpResponse response)
    {
        if (metadata is null)
        {
            return;
        }

        foreach (var entry in metadata)
        {
            if (entry.Key.StartsWith("grpc-", StringComparison.Ordinal) || ReservedResponseHeaders.Contains(entry.Key))
            {
                continue;
            }

            // A trailers-only response (a call that failed before sending headers) reports the same entries as
            // headers and as trailers; each is written once.
            var value = entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes) : entry.Value;
            if (!response.Headers.TryGetValue(entry.Key, out var present) || !present.Contains(value))
            {
                response.Headers.Append(entry.Key, value);
            }
        }
    }
}
