using JourneyGrpc.Rpc.Internal;

namespace JourneyGrpc.Rpc.InProcess.Internal;

/// <summary>A duplex-streaming handler called in-process.</summary>
internal sealed class InProcessDuplexStreamingMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerCallSettings settings, DuplexStreamingServerMethod<TRequest, TResponse> handler)
    : InProcessMethod(method, settings)
    where TRequest : class
    where TResponse : class
{
    internal override AsyncDuplexStreamingCall<TCallerRequest, TCallerResponse> StartDuplexStreaming<TCallerRequest, TCallerResponse>(Method<TCallerRequest, TCallerResponse> caller, CallOptions options)
    {
        InProcessRequestStream<TCallerRequest, TRequest>? requests = null;
        InProcessResponseStream<TResponse, TCallerResponse>? responses = null;
        var call = new InProcessCall(method, options, Settings, streaming: true, (_, _) =>
        {
            requests?.Complete();
            responses?.Complete();
        });
        requests = new InProcessRequestStream<TCallerRequest, TRequest>(call, caller.RequestMarshaller, method.RequestMarshaller);
        responses = new InProcessResponseStream<TResponse, TCallerResponse>(call, method.ResponseMarshaller, caller.ResponseMarshaller);
        if (call.IsEnded)
        {
            requests.Complete();
            responses.Complete();
        }
        else
        {
            _ = call.RunAsync(async () =>
            {
                await handler(requests, responses, call.Context).ConfigureAwait(false);
                call.EndWithContextStatus();
            });
        }

        return new AsyncDuplexStreamingCall<TCallerRequest, TCallerResponse>(requests, responses, call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }
}
