using Grpc.Core;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.Hosting.Grpc;

/// <summary>
/// Ends a call whose handler let a <see cref="StoreException"/> escape with the status <see cref="StoreStatus"/>
/// gives it, and logs the exception (the client never sees the driver's text). Applied to every call by
/// <see cref="CallPolicyInterceptor"/>, so every service, and the REST gateway calling them in-process, answers store
/// failures alike.
/// </summary>
internal sealed class StoreFailureStatus(ILogger<StoreFailureStatus> logger)
{
    /// <summary>The exception that ends the call <paramref name="context"/> with <paramref name="exception"/>'s status.</summary>
    internal RpcException Translate(StoreException exception, ServerCallContext context)
    {
        var status = StoreStatus.ToRpcException(exception);
        var level = status.StatusCode is StatusCode.Unavailable or StatusCode.Aborted or StatusCode.AlreadyExists ? LogLevel.Warning : LogLevel.Error;
        HostingLog.StoreFailed(logger, level, context.Method, status.StatusCode, exception);
        return status;
    }
}
