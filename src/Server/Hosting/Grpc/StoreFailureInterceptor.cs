using Grpc.Core;
using Grpc.Core.Interceptors;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.Hosting.Grpc;

/// <summary>
/// Ends every call whose handler lets a <see cref="StoreException"/> escape with the status
/// <see cref="StoreStatus"/> gives it, and logs the exception (the client never sees the driver's text).
/// Global, so every service, and the REST gateway calling them in-process, answers store failures alike.
/// </summary>
internal sealed class StoreFailureInterceptor(ILogger<StoreFailureInterceptor> logger) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Task<TResponse> call;
        try
        {
            call = continuation(request, context);
        }
        catch (StoreException ex)
        {
            throw Translate(ex, context);
        }

        // A handler that finished synchronously needs no await (and no state machine) here.
        return call.IsCompletedSuccessfully ? call : AwaitAsync(call, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context).ConfigureAwait(false);
        }
        catch (StoreException ex)
        {
            throw Translate(ex, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
        }
        catch (StoreException ex)
        {
            throw Translate(ex, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
        }
        catch (StoreException ex)
        {
            throw Translate(ex, context);
        }
    }

    private async Task<TResponse> AwaitAsync<TResponse>(Task<TResponse> call, ServerCallContext context)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (StoreException ex)
        {
            throw Translate(ex, context);
        }
    }

    private RpcException Translate(StoreException exception, ServerCallContext context)
    {
        var status = StoreStatus.ToRpcException(exception);
        var level = status.StatusCode is StatusCode.Unavailable or StatusCode.Aborted or StatusCode.AlreadyExists ? LogLevel.Warning : LogLevel.Error;
        HostingLog.StoreFailed(logger, level, context.Method, status.StatusCode, exception);
        return status;
    }
}
