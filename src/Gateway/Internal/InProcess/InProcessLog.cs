using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Gateway.Internal.InProcess;

/// <summary>Log messages of in-process calls (event ids 101-199 of the gateway's category).</summary>
internal static partial class InProcessLog
{
    [LoggerMessage(101, LogLevel.Debug, "In-process call {Method} exceeded its deadline.", EventName = "InProcessDeadlineExceeded")]
    internal static partial void DeadlineExceeded(ILogger logger, string method);

    [LoggerMessage(102, LogLevel.Debug, "Handler of {Method} ended after its deadline had been exceeded.", EventName = "InProcessHandlerEndedAfterDeadline")]
    internal static partial void HandlerEndedAfterDeadline(ILogger logger, string method);

    [LoggerMessage(103, LogLevel.Debug, "In-process call {Method} ended with status {StatusCode}: '{Detail}'.", EventName = "InProcessRpcExceptionThrown")]
    internal static partial void RpcExceptionThrown(ILogger logger, string method, StatusCode statusCode, string detail, Exception? exception);

    [LoggerMessage(104, LogLevel.Debug, "In-process call {Method} was cancelled by the caller.", EventName = "InProcessCallCancelled")]
    internal static partial void CallCancelledByClient(ILogger logger, string method);

    // Debug, and without the exception: the gateway logs it once, at Error, with the request's correlation id (event 8).
    [LoggerMessage(105, LogLevel.Debug, "Handler of {Method} threw {ExceptionType}; the call ends UNKNOWN.", EventName = "InProcessHandlerThrew")]
    internal static partial void HandlerThrew(ILogger logger, string method, string exceptionType);

    [LoggerMessage(106, LogLevel.Debug, "gRPC service {Service} bound in-process: {MethodCount} methods, {InterceptorCount} interceptors.", EventName = "InProcessServiceBound")]
    internal static partial void ServiceBound(ILogger logger, string service, int methodCount, int interceptorCount);
}
