using Microsoft.AspNetCore.Http;

namespace JourneyGrpc.Rpc.Internal.CallHandlers;

/// <summary>A stream of requests, one response message.</summary>
internal sealed class ClientStreamingServerCallHandler<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerCallSettings settings, ClientStreamingServerMethod<TRequest, TResponse> invoker)
    : ServerCallHandlerBase<TRequest, TResponse>(method, settings)
    where TRequest : class
    where TResponse : class
{
    protected override async Task HandleCallAsyncCore(HttpContext httpContext, HttpContextServerCallContext callContext)
    {
        var reader = new HttpContextStreamReader<TRequest>(callContext, Method.RequestMarshaller);
        var response = await invoker(reader, callContext).ConfigureAwait(false)
            ?? throw new RpcException(new Status(StatusCode.Internal, "No message returned from method."));
        await ResponseWriting.WriteAsync(callContext, Method.ResponseMarshaller, response, null, flush: false, callContext.CancellationToken).ConfigureAwait(false);
    }
}
