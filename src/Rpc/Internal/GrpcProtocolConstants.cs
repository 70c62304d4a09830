namespace JourneyGrpc.Rpc.Internal;

/// <summary>Protocol facts from https://github.com/grpc/grpc/blob/master/doc/PROTOCOL-HTTP2.md, written once.</summary>
internal static class GrpcProtocolConstants
{
    internal const string GrpcContentType = "application/grpc";
    internal const string TimeoutHeader = "grpc-timeout";
    internal const string MessageEncodingHeader = "grpc-encoding";
    internal const string MessageAcceptEncodingHeader = "grpc-accept-encoding";
    internal const string StatusTrailer = "grpc-status";
    internal const string MessageTrailer = "grpc-message";
    internal const string StatusDetailsTrailer = "grpc-status-details-bin";
    internal const string TeHeader = "te";
    internal const string TeTrailers = "trailers";
    internal const string UserAgentHeader = "user-agent";

    /// <summary>
    /// Response metadata key a handler sets to pick the response compression, as grpc-dotnet does;
    /// it is consumed, never sent.
    /// </summary>
    internal const string CompressionRequestHeader = "grpc-internal-encoding-request";

    internal const string IdentityEncoding = "identity";
    internal const string GzipEncoding = "gzip";

    /// <summary>What this implementation can decode, in preference order.</summary>
    internal const string AcceptEncodingValue = "identity,gzip";

    /// <summary>5-byte message prefix: 1 compressed-flag byte + 4-byte big-endian length.</summary>
    internal const int MessagePrefixSize = 5;

    internal const int DefaultMaxReceiveMessageSize = 4 * 1024 * 1024;

    /// <summary>HTTP/2 RST_STREAM CANCEL (RFC 9113 §7).</summary>
    internal const int Http2ResetStreamCancel = 0x8;

    /// <summary>
    /// grpc-timeout values are at most 8 digits; gRPC core clamps deadlines to 99,999,999 seconds.
    /// </summary>
    internal static readonly TimeSpan MaxTimeout = TimeSpan.FromSeconds(99_999_999);

    /// <summary>Request headers that are protocol, not user metadata.</summary>
    internal static readonly HashSet<string> FilteredRequestHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        MessageEncodingHeader,
        MessageAcceptEncodingHeader,
        TimeoutHeader,
        "content-encoding",
        "content-type",
        TeHeader,
        "host",
        "accept-encoding",
        "content-length",
    };

    internal static bool IsGrpcContentType(string? contentType)
    {
        // application/grpc, application/grpc+proto, application/grpc;charset=... (case-insensitive).
        if (string.Equals(contentType, GrpcContentType, StringComparison.Ordinal))
        {
            return true;
        }

        if (contentType is null || !contentType.StartsWith(GrpcContentType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return contentType.Length == GrpcContentType.Length || contentType[GrpcContentType.Length] is '+' or ';';
    }
}
