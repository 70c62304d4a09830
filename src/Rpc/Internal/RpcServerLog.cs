using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Rpc.Internal;

/// <summary>Server log events; the ids are stable.</summary>
internal static partial class RpcServerLog
{
    [LoggerMessage(1, LogLevel.Debug, "Request protocol '{Protocol}' is not supported.", EventName = "UnsupportedProtocol")]
    internal static partial void UnsupportedProtocol(ILogger logger, string protocol);

    [LoggerMessage(2, LogLevel.Debug, "Invalid grpc-timeout header value '{Timeout}' ignored: the call has no deadline.", EventName = "InvalidTimeoutIgnored")]
    internal static partial void InvalidTimeoutIgnored(ILogger logger, string timeout);

    [LoggerMessage(3, LogLevel.Debug, "Call {Method} exceeded its deadline.", EventName = "DeadlineExceeded")]
    internal static partial void DeadlineExceeded(ILogger logger, string method);

    [LoggerMessage(4, LogLevel.Debug, "Handler of {Method} ended after its deadline had been exceeded.", EventName = "HandlerEndedAfterDeadline")]
    internal static partial void HandlerEndedAfterDeadline(ILogger logger, string method);

    [LoggerMessage(5, LogLevel.Debug, "Call {Method} ended with status {StatusCode}: '{Detail}'.", EventName = "RpcExceptionThrown")]
    internal static partial void RpcExceptionThrown(ILogger logger, string method, StatusCode statusCode, string detail, Exception? exception);

    [LoggerMessage(6, LogLevel.Debug, "Call {Method} was cancelled by the client.", EventName = "CallCancelledByClient")]
    internal static partial void CallCancelledByClient(ILogger logger, string method);

    [LoggerMessage(7, LogLevel.Error, "Handler of {Method} threw an exception.", EventName = "HandlerThrew")]
    internal static partial void HandlerThrew(ILogger logger, string method, Exception exception);

    [LoggerMessage(8, LogLevel.Debug, "Deadline status of {Method} could not be sent.", EventName = "DeadlineStatusNotSent")]
    internal static partial void DeadlineStatusNotSent(ILogger logger, string method, Exception exception);

    [LoggerMessage(9, LogLevel.Information, "Mapped gRPC service {Service} with {MethodCount} methods.", EventName = "ServiceMapped")]
    internal static partial void ServiceMapped(ILogger logger, string service, int methodCount);

    [LoggerMessage(10, LogLevel.Debug, "Call to unknown {Kind} {Path}.", EventName = "Unimplemented")]
    internal static partial void Unimplemented(ILogger logger, string kind, string path);
}
