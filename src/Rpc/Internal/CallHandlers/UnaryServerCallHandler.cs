using Microsoft.AspNetCore.Http;

namespace JourneyGrpc.Rpc.Internal.CallHandlers;

/// <summary>One request message, one response message.</summary>
internal sealed class UnaryServerCallHandler<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerCallSettings settings, UnaryServerMethod<TRequest, TResponse> invoker)
    : ServerCallHandlerBase<TRequest, TResponse>(method, settings)
    where TRequest : class
    where TResponse : class
{
    protected override Task HandleCallAsyncCore(HttpContext httpContext, HttpContextServerCallContext callContext)
    {
        // Fast path: body already complete, handler completes synchronously, nothing to wait for.
        if (MessageFraming.TryReadSingleMessage(httpContext.Request.BodyReader, callContext.ReadSettings, Method.RequestMarshaller.Deserializer, out var request))
        {
            var responseTask = invoker(request, callContext);
            if (responseTask.IsCompletedSuccessfully && ResponseWriting.TryWrite(callContext, Method.ResponseMarshaller, ResponseOrThrow(responseTask.Result)))
            {
                return Task.CompletedTask;
            }

            return WriteResponseAsync(responseTask, callContext);
        }

        return ReadInvokeWriteAsync(httpContext, callContext);
    }

    private async Task ReadInvokeWriteAsync(HttpContext httpContext, HttpContextServerCallContext callContext)
    {
        var request = await MessageFraming.ReadSingleMessageAsync(httpContext.Request.BodyReader, callContext.ReadSettings, Method.RequestMarshaller.Deserializer, callContext.CancellationToken).ConfigureAwait(false);

        // The body arrived late, but the handler may still complete at once: write without another state machine.
        var responseTask = invoker(request, callContext);
        if (responseTask.IsCompletedSuccessfully && ResponseWriting.TryWrite(callContext, Method.ResponseMarshaller, ResponseOrThrow(responseTask.Result)))
        {
            return;
        }

        await WriteResponseAsync(responseTask, callContext).ConfigureAwait(false);
    }

    private async Task WriteResponseAsync(Task<TResponse> responseTask, HttpContextServerCallContext callContext)
    {
        var response = ResponseOrThrow(await responseTask.ConfigureAwait(false));

        // Unary responses need no flush: Kestrel sends headers, data and trailers together when the call ends.
        await ResponseWriting.WriteAsync(callContext, Method.ResponseMarshaller, response, null, flush: false, callContext.CancellationToken).ConfigureAwait(false);
    }

    private static TResponse ResponseOrThrow(TResponse? response) =>
        response ?? throw new RpcException(new Status(StatusCode.Internal, "No message returned from method."));
}
