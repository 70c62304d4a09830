using Grpc.Core;

namespace JourneyGrpc.Gateway.Internal.InProcess;

/// <summary>
/// The statuses an in-process call ends with when its handler did not choose one: the texts
/// Grpc.Net.Client and Grpc.AspNetCore use for the same events over HTTP/2.
/// </summary>
internal static class InProcessStatuses
{
    internal static readonly Status DeadlineExceeded = new(StatusCode.DeadlineExceeded, "Deadline Exceeded");
    internal static readonly Status CancelledByClient = new(StatusCode.Cancelled, "Call canceled by the client.");
    internal static readonly Status Disposed = new(StatusCode.Cancelled, "gRPC call disposed.");
    internal static readonly Status ShuttingDown = new(StatusCode.Unavailable, "Server is shutting down.");
    internal static readonly Status ServiceUnimplemented = new(StatusCode.Unimplemented, "Service is unimplemented.");
    internal static readonly Status MethodUnimplemented = new(StatusCode.Unimplemented, "Method is unimplemented.");
    internal const string HandlerThrew = "Exception was thrown by handler.";
}
