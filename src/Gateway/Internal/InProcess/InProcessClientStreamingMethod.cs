using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace JourneyGrpc.Gateway.Internal.InProcess;

/// <summary>A client-streaming handler called in-process.</summary>
internal sealed class InProcessClientStreamingMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, InProcessCallSettings settings, ClientStreamingServerMethod<TRequest, TResponse> handler)
    : InProcessMethod(method, settings)
    where TRequest : class
    where TResponse : class
{
    internal override AsyncClientStreamingCall<TCallerRequest, TCallerResponse> StartClientStreaming<TCallerRequest, TCallerResponse>(Method<TCallerRequest, TCallerResponse> caller, HttpContext httpContext, CallOptions options)
    {
        var response = new TaskCompletionSource<TCallerResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        InProcessRequestStream<TCallerRequest, TRequest>? requests = null;
        var call = new InProcessCall(method, httpContext, options, Settings, streaming: true, (status, trailers) =>
        {
            requests?.Complete(status);
            if (status.StatusCode != StatusCode.OK)
            {
                response.TrySetException(new RpcException(status, trailers));
            }
        });
        requests = new InProcessRequestStream<TCallerRequest, TRequest>(call, caller.RequestMarshaller, method.RequestMarshaller);
        if (call.IsEnded)
        {
            // Ended while it was created, before the stream existed to be told.
            requests.Complete(call.GetStatus());
        }

        call.Run(async () =>
        {
            call.EndWithResponse(await handler(requests, call.Context).ConfigureAwait(false), method.ResponseMarshaller, caller.ResponseMarshaller, response);
        });

        return new AsyncClientStreamingCall<TCallerRequest, TCallerResponse>(requests, response.Task, call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }
}
