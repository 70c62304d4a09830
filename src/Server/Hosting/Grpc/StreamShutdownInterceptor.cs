using Grpc.Core;
using Grpc.Core.Interceptors;

namespace JourneyGrpc.Server.Hosting.Grpc;

/// <summary>
/// Ends open streams with UNAVAILABLE when the server begins to stop, so clients know to reconnect
/// (elsewhere) rather than waiting out Kestrel's shutdown timeout; unary calls are left to finish.
/// The handler sees the call's token cancelled (linked to <c>ApplicationStopping</c>) and its reads of
/// the request stream cancelled, even reads without a token; its cancellation becomes the status.
/// The health service is left alone: its Watch answers NOT_SERVING and completes by itself at shutdown.
/// </summary>
internal sealed class StreamShutdownInterceptor(IHostApplicationLifetime lifetime) : Interceptor
{
    internal const string ShuttingDown = "Server is shutting down.";
    private const string HealthServicePrefix = "/grpc.health.v1.Health/";

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (IsExempt(context))
        {
            return await continuation(requestStream, context).ConfigureAwait(false);
        }

        using var call = new ShutdownAwareCallContext(context, lifetime.ApplicationStopping);
        try
        {
            var response = await continuation(new ShutdownAwareStreamReader<TRequest>(requestStream, call), call).ConfigureAwait(false);
            return IsStopping(context) ? throw Unavailable() : response;
        }
        catch (Exception ex) when (IsShutdown(ex, context))
        {
            throw Unavailable();
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (IsExempt(context))
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
            return;
        }

        using var call = new ShutdownAwareCallContext(context, lifetime.ApplicationStopping);
        try
        {
            await continuation(request, responseStream, call).ConfigureAwait(false);
            ThrowIfStopping(context);
        }
        catch (Exception ex) when (IsShutdown(ex, context))
        {
            throw Unavailable();
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (IsExempt(context))
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
            return;
        }

        using var call = new ShutdownAwareCallContext(context, lifetime.ApplicationStopping);
        try
        {
            await continuation(new ShutdownAwareStreamReader<TRequest>(requestStream, call), responseStream, call).ConfigureAwait(false);
            ThrowIfStopping(context);
        }
        catch (Exception ex) when (IsShutdown(ex, context))
        {
            throw Unavailable();
        }
    }

    private static bool IsExempt(ServerCallContext context) => context.Method.StartsWith(HealthServicePrefix, StringComparison.Ordinal);

    /// <summary>The server is stopping and the client is still there: the stream ends because of the shutdown.</summary>
    private bool IsStopping(ServerCallContext context) =>
        lifetime.ApplicationStopping.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested;

    /// <summary>A handler that saw its token cancelled by the shutdown, whether it threw or returned.</summary>
    private bool IsShutdown(Exception exception, ServerCallContext context) =>
        IsStopping(context) && exception is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled };

    private void ThrowIfStopping(ServerCallContext context)
    {
        if (IsStopping(context))
        {
            throw Unavailable();
        }
    }

    private static RpcException Unavailable() => new(new Status(StatusCode.Unavailable, ShuttingDown));
}
