using Microsoft.AspNetCore.Http;

namespace JourneyGrpc.Rpc.Internal.CallHandlers;

/// <summary>One request message, one response message.</summary>
internal sealed class UnaryServerCallHandler<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerCallSettings settings, UnaryServerMethod<TRequest, TResponse> invoker)
    : ServerCallHandlerBase<TRequest, TResponse>(method, settings)
    where TRequest : class
    where TResponse : class
{
    protected override async Task HandleCallAsyncCore(HttpContext httpContext, HttpContextServerCallContext callContext)
    {
        var request = await MessageFraming.ReadSingleMessageAsync(httpContext.Request.BodyReader, callContext.ReadSettings, Method.RequestMarshaller.Deserializer, callContext.CancellationToken).ConfigureAwait(false);
        var response = await invoker(request, callContext).ConfigureAwait(false)
            ?? throw new RpcException(new Status(StatusCode.Internal, "No message returned from method."));

        // Unary responses need no flush: Kestrel sends headers, data and trailers together when the call ends.
        await ResponseWriting.WriteAsync(callContext, Method.ResponseMarshaller, response, null, flush: false, callContext.CancellationToken).ConfigureAwait(false);
    }
}
