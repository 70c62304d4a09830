using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using JourneyGrpc.Server.Hosting.Security;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.Hosting.Grpc;

/// <summary>
/// The server's one global interceptor, around every gRPC call and every REST call through the in-process gateway.
/// Outermost first: <see cref="StreamShutdown"/> (streams end UNAVAILABLE when the server begins to stop),
/// <see cref="CallAdmission"/> (authentication, access rules, client limits), <see cref="StoreFailureStatus"/> (a
/// store failure ends the call with its status). One interceptor rather than one per policy: Grpc.AspNetCore wraps
/// each configured interceptor in its own asynchronous layer and activation on every call (bench/RESULTS.md).
/// A unary call admitted at once whose handler completes synchronously passes through without an await.
/// </summary>
internal sealed class CallPolicyInterceptor(CallAdmission admission, StreamShutdown shutdown, StoreFailureStatus storeFailures) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var admitted = admission.AdmitAsync(context, request as IMessage);
        return admitted.IsCompletedSuccessfully && admitted.Result is null
            ? Handle(request, context, continuation)
            : AdmitThenHandleAsync(admitted, request, context, continuation);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        StreamAsync(context, request as IMessage, async call =>
        {
            var stream = () => continuation(request, responseStream, call);
            await (admission.LimitsWatches(context) ? admission.WatchAsync(context, stream) : stream()).ConfigureAwait(false);
            return true;
        });

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        StreamAsync(context, null, call => continuation(Requests(requestStream, call), call));

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        StreamAsync(context, null, async call =>
        {
            await continuation(Requests(requestStream, call), responseStream, call).ConfigureAwait(false);
            return true;
        });

    /// <summary>
    /// Runs a stream: tracked for shutdown (<paramref name="handler"/> gets the context to run with), admitted, its
    /// store failures given their status; a stream that ended because the server began to stop ends UNAVAILABLE.
    /// </summary>
    private async Task<T> StreamAsync<T>(ServerCallContext context, IMessage? request, Func<ServerCallContext, Task<T>> handler)
    {
        using var call = shutdown.Track(context);
        try
        {
            await admission.ThrowIfRefusedAsync(admission.AdmitAsync(context, request), context).ConfigureAwait(false);
            var result = await HandleAsync(context, () => handler(call ?? context)).ConfigureAwait(false);
            if (call is not null && shutdown.IsStopping(context))
            {
                throw StreamShutdown.Unavailable();
            }

            return result;
        }
        catch (Exception ex) when (call is not null && shutdown.IsShutdown(ex, context))
        {
            throw StreamShutdown.Unavailable();
        }
    }

    /// <summary>The request stream as the handler reads it: reads cancelled at shutdown when the call is tracked.</summary>
    private static IAsyncStreamReader<TRequest> Requests<TRequest>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext call) =>
        call is ShutdownAwareCallContext tracked ? new ShutdownAwareStreamReader<TRequest>(requestStream, tracked) : requestStream;

    private async Task<TResponse> AdmitThenHandleAsync<TRequest, TResponse>(ValueTask<Status?> admitted, TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        where TRequest : class
        where TResponse : class
    {
        await admission.ThrowIfRefusedAsync(admitted, context).ConfigureAwait(false);
        return await Handle(request, context, continuation).ConfigureAwait(false);
    }

    /// <summary>Runs the unary handler; a handler that finished synchronously needs no await (and no state machine) here.</summary>
    private Task<TResponse> Handle<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        where TRequest : class
        where TResponse : class
    {
        Task<TResponse> handled;
        try
        {
            handled = continuation(request, context);
        }
        catch (StoreException ex)
        {
            throw storeFailures.Translate(ex, context);
        }

        return handled.IsCompletedSuccessfully ? handled : HandleAsync(context, () => handled);
    }

    private async Task<T> HandleAsync<T>(ServerCallContext context, Func<Task<T>> handler)
    {
        try
        {
            return await handler().ConfigureAwait(false);
        }
        catch (StoreException ex)
        {
            throw storeFailures.Translate(ex, context);
        }
    }
}
