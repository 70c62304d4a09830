using Microsoft.AspNetCore.Http;

namespace JourneyGrpc.Rpc.Internal.CallHandlers;

/// <summary>A stream of requests and a stream of responses.</summary>
internal sealed class DuplexStreamingServerCallHandler<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerCallSettings settings, DuplexStreamingServerMethod<TRequest, TResponse> invoker)
    : ServerCallHandlerBase<TRequest, TResponse>(method, settings)
    where TRequest : class
    where TResponse : class
{
    protected override async Task HandleCallAsyncCore(HttpContext httpContext, HttpContextServerCallContext callContext)
    {
        var reader = new HttpContextStreamReader<TRequest>(callContext, Method.RequestMarshaller);
        var writer = new HttpContextStreamWriter<TResponse>(callContext, Method.ResponseMarshaller);
        await invoker(reader, writer, callContext).ConfigureAwait(false);
    }
}
