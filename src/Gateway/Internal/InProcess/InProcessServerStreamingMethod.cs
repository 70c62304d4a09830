using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace JourneyGrpc.Gateway.Internal.InProcess;

/// <summary>A server-streaming handler called in-process.</summary>
internal sealed class InProcessServerStreamingMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, InProcessCallSettings settings, ServerStreamingServerMethod<TRequest, TResponse> handler)
    : InProcessMethod(method, settings)
    where TRequest : class
    where TResponse : class
{
    internal override AsyncServerStreamingCall<TCallerResponse> StartServerStreaming<TCallerRequest, TCallerResponse>(Method<TCallerRequest, TCallerResponse> caller, HttpContext httpContext, CallOptions options, TCallerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        InProcessResponseStream<TResponse, TCallerResponse>? stream = null;
        var call = new InProcessCall(method, httpContext, options, Settings, streaming: true, (_, _) => stream?.Complete());
        stream = new InProcessResponseStream<TResponse, TCallerResponse>(call, method.ResponseMarshaller, caller.ResponseMarshaller);
        if (call.IsEnded)
        {
            // Ended while it was created, before the stream existed to be told.
            stream.Complete();
        }

        call.Run(async () =>
        {
            var handlerRequest = InProcessMessages.Convert(request, caller.RequestMarshaller, method.RequestMarshaller);
            await handler(handlerRequest, stream, call.Context).ConfigureAwait(false);
            call.EndWithContextStatus();
        });

        return new AsyncServerStreamingCall<TCallerResponse>(stream, call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }
}
