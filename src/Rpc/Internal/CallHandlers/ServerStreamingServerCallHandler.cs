using Microsoft.AspNetCore.Http;

namespace JourneyGrpc.Rpc.Internal.CallHandlers;

/// <summary>One request message, a stream of responses.</summary>
internal sealed class ServerStreamingServerCallHandler<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerCallSettings settings, ServerStreamingServerMethod<TRequest, TResponse> invoker)
    : ServerCallHandlerBase<TRequest, TResponse>(method, settings)
    where TRequest : class
    where TResponse : class
{
    protected override async Task HandleCallAsyncCore(HttpContext httpContext, HttpContextServerCallContext callContext)
    {
        var request = await MessageFraming.ReadSingleMessageAsync(httpContext.Request.BodyReader, callContext.ReadSettings, Method.RequestMarshaller.Deserializer, callContext.CancellationToken).ConfigureAwait(false);
        var writer = new HttpContextStreamWriter<TResponse>(callContext, Method.ResponseMarshaller);
        await invoker(request, writer, callContext).ConfigureAwait(false);
    }
}
