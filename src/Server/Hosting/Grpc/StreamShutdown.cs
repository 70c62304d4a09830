using Grpc.Core;

namespace JourneyGrpc.Server.Hosting.Grpc;

/// <summary>
/// Ends open streams with UNAVAILABLE when the server begins to stop, so clients know to reconnect
/// (elsewhere) rather than waiting out Kestrel's shutdown timeout; unary calls are left to finish.
/// The handler sees the call's token cancelled (linked to <c>ApplicationStopping</c>) and its reads of
/// the request stream cancelled, even reads without a token; its cancellation becomes the status.
/// The health service is left alone: its Watch answers NOT_SERVING and completes by itself at shutdown.
/// Applied to every stream by <see cref="CallPolicyInterceptor"/>.
/// </summary>
internal sealed class StreamShutdown(IHostApplicationLifetime lifetime)
{
    internal const string ShuttingDown = "Server is shutting down.";
    private const string HealthServicePrefix = "/grpc.health.v1.Health/";

    /// <summary>
    /// The context to run the stream <paramref name="context"/> with: its token also fires when the server begins to
    /// stop. Null for the streams shutdown leaves alone (the health service's).
    /// </summary>
    internal ShutdownAwareCallContext? Track(ServerCallContext context) =>
        context.Method.StartsWith(HealthServicePrefix, StringComparison.Ordinal) ? null : new ShutdownAwareCallContext(context, lifetime.ApplicationStopping);

    /// <summary>The server is stopping and the client is still there: the stream ends because of the shutdown.</summary>
    internal bool IsStopping(ServerCallContext context) =>
        lifetime.ApplicationStopping.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested;

    /// <summary>A handler that saw its token cancelled by the shutdown, whether it threw or returned.</summary>
    internal bool IsShutdown(Exception exception, ServerCallContext context) =>
        IsStopping(context) && exception is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled };

    internal static RpcException Unavailable() => new(new Status(StatusCode.Unavailable, ShuttingDown));
}
