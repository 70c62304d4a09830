using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace JourneyGrpc.Gateway.Internal.InProcess;

/// <summary>A duplex-streaming handler called in-process.</summary>
internal sealed class InProcessDuplexStreamingMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, InProcessCallSettings settings, DuplexStreamingServerMethod<TRequest, TResponse> handler)
    : InProcessMethod(method, settings)
    where TRequest : class
    where TResponse : class
{
    internal override AsyncDuplexStreamingCall<TCallerRequest, TCallerResponse> StartDuplexStreaming<TCallerRequest, TCallerResponse>(Method<TCallerRequest, TCallerResponse> caller, HttpContext httpContext, CallOptions options)
    {
        InProcessRequestStream<TCallerRequest, TRequest>? requests = null;
        InProcessResponseStream<TResponse, TCallerResponse>? responses = null;
        var call = new InProcessCall(method, httpContext, options, Settings, streaming: true, (status, _) =>
        {
            requests?.Complete(status);
            responses?.Complete();
        });
        requests = new InProcessRequestStream<TCallerRequest, TRequest>(call, caller.RequestMarshaller, method.RequestMarshaller);
        responses = new InProcessResponseStream<TResponse, TCallerResponse>(call, method.ResponseMarshaller, caller.ResponseMarshaller);
        if (call.IsEnded)
        {
            // Ended while it was created, before the streams existed to be told.
            requests.Complete(call.GetStatus());
            responses.Complete();
        }

        call.Run(async () =>
        {
            await handler(requests, responses, call.Context).ConfigureAwait(false);
            call.EndWithContextStatus();
        });

        return new AsyncDuplexStreamingCall<TCallerRequest, TCallerResponse>(requests, responses, call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }
}
