using Grpc.Core;

namespace JourneyGrpc.Gateway.Internal.Errors;

/// <summary>
/// gRPC status code → HTTP status of a REST response: the one table, after google.rpc.Code's
/// documented mapping, which grpc-gateway v2 and ASP.NET Core transcoding also follow
/// (https://github.com/googleapis/googleapis/blob/master/google/rpc/code.proto).
/// </summary>
internal static class HttpStatusTable
{
    /// <summary>nginx's "Client Closed Request"; not in the IANA registry.</summary>
    internal const int ClientClosedRequest = 499;

    internal static int ToHttpStatus(StatusCode code) => code switch
    {
        StatusCode.OK => 200,

        // 499, as google.rpc.Code documents and grpc-gateway v2 sends (ASP.NET sends 408).
        // CANCELLED means the caller gave up; 408 Request Timeout says the server gave up
        // waiting for the request, which is false and invites clients to retry at once.
        StatusCode.Cancelled => ClientClosedRequest,
        StatusCode.Unknown => 500,
        StatusCode.InvalidArgument => 400,
        StatusCode.DeadlineExceeded => 504,
        StatusCode.NotFound => 404,
        StatusCode.AlreadyExists => 409,
        StatusCode.PermissionDenied => 403,
        StatusCode.ResourceExhausted => 429,

        // Deliberately 400, not 412: 412 is for HTTP conditional requests (If-Match …), which
        // these calls do not make (grpc-gateway and ASP.NET Core agree).
        StatusCode.FailedPrecondition => 400,
        StatusCode.Aborted => 409,
        StatusCode.OutOfRange => 400,
        StatusCode.Unimplemented => 501,
        StatusCode.Internal => 500,
        StatusCode.Unavailable => 503,
        StatusCode.DataLoss => 500,
        StatusCode.Unauthenticated => 401,
        _ => 500,
    };
}
