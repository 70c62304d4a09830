using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace JourneyGrpc.Gateway.Internal.InProcess;

/// <summary>A unary handler called in-process.</summary>
internal sealed class InProcessUnaryMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, InProcessCallSettings settings, UnaryServerMethod<TRequest, TResponse> handler)
    : InProcessMethod(method, settings)
    where TRequest : class
    where TResponse : class
{
    internal override AsyncUnaryCall<TCallerResponse> StartUnary<TCallerRequest, TCallerResponse>(Method<TCallerRequest, TCallerResponse> caller, HttpContext httpContext, CallOptions options, TCallerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = new TaskCompletionSource<TCallerResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        var call = new InProcessCall(method, httpContext, options, Settings, streaming: false, (status, trailers) =>
        {
            if (status.StatusCode != StatusCode.OK)
            {
                response.TrySetException(new RpcException(status, trailers));
            }
        });
        call.Run(async () =>
        {
            var handlerRequest = InProcessMessages.Convert(request, caller.RequestMarshaller, method.RequestMarshaller);
            call.EndWithResponse(await handler(handlerRequest, call.Context).ConfigureAwait(false), method.ResponseMarshaller, caller.ResponseMarshaller, response);
        });

        return new AsyncUnaryCall<TCallerResponse>(response.Task, call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }
}
