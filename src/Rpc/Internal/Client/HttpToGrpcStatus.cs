namespace JourneyGrpc.Rpc.Internal.Client;

/// <summary>
/// Client-side status for a call that ended without a usable grpc-status: from the HTTP status
/// (https://github.com/grpc/grpc/blob/master/doc/http-grpc-status-mapping.md) or from the HTTP/2
/// RST_STREAM / GOAWAY error code (PROTOCOL-HTTP2.md, "Errors"). Never used to pick an HTTP status.
/// </summary>
internal static class HttpToGrpcStatus
{
    internal static StatusCode FromHttpStatus(int httpStatus) => httpStatus switch
    {
        400 => StatusCode.Internal,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.Unimplemented,
        429 or 502 or 503 or 504 => StatusCode.Unavailable,
        431 => StatusCode.Internal,
        _ => StatusCode.Unknown,
    };

    internal static StatusCode FromHttp2ErrorCode(long errorCode) => errorCode switch
    {
        // NO_ERROR: the server should have sent an explicit status instead of resetting.
        0x0 => StatusCode.Internal,
        // REFUSED_STREAM: nothing was processed, so the call is safe to retry.
        0x7 => StatusCode.Unavailable,
        0x8 => StatusCode.Cancelled,
        0xb => StatusCode.ResourceExhausted,
        0xc => StatusCode.PermissionDenied,
        _ => StatusCode.Internal,
    };
}
