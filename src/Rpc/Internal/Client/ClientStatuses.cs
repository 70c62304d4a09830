namespace JourneyGrpc.Rpc.Internal.Client;

/// <summary>Statuses the client produces itself; tests assert these exact strings.</summary>
internal static class ClientStatuses
{
    internal static readonly Status DeadlineExceeded = new(StatusCode.DeadlineExceeded, "Deadline Exceeded");
    internal static readonly Status CancelledByClient = new(StatusCode.Cancelled, "Call canceled by the client.");
    internal static readonly Status Disposed = new(StatusCode.Cancelled, "gRPC call disposed.");
    internal static readonly Status NoGrpcStatus = new(StatusCode.Unknown, "No grpc-status found on response.");

    // Response cardinality violations are UNIMPLEMENTED on the client (statuscodes.md).
    internal static readonly Status NoResponseMessage = new(StatusCode.Unimplemented, "Expected one response message but received none.");
    internal static readonly Status ExtraResponseMessage = new(StatusCode.Unimplemented, "Expected one response message but received more.");

    internal const string StartFailed = "Error starting gRPC call.";
    internal const string ReadFailed = "Error reading next message.";
    internal const string WriteFailed = "Error sending request message.";
}
