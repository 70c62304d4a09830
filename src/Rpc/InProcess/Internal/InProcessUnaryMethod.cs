using JourneyGrpc.Rpc.Internal;

namespace JourneyGrpc.Rpc.InProcess.Internal;

/// <summary>A unary handler called in-process.</summary>
internal sealed class InProcessUnaryMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerCallSettings settings, UnaryServerMethod<TRequest, TResponse> handler)
    : InProcessMethod(method, settings)
    where TRequest : class
    where TResponse : class
{
    internal override AsyncUnaryCall<TCallerResponse> StartUnary<TCallerRequest, TCallerResponse>(Method<TCallerRequest, TCallerResponse> caller, CallOptions options, TCallerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = new TaskCompletionSource<TCallerResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        var call = new InProcessCall(method, options, Settings, streaming: false, (status, trailers) =>
        {
            if (status.StatusCode != StatusCode.OK)
            {
                response.TrySetException(new RpcException(status, trailers));
            }
        });
        if (!call.IsEnded)
        {
            _ = call.RunAsync(async () =>
            {
                var handlerRequest = InProcessMessages.Convert(request, caller.RequestMarshaller, method.RequestMarshaller);
                var handlerResponse = await handler(handlerRequest, call.Context).ConfigureAwait(false)
                    ?? throw new RpcException(new Status(StatusCode.Internal, "No message returned from method."));
                var callerResponse = InProcessMessages.Convert(handlerResponse, method.ResponseMarshaller, caller.ResponseMarshaller);
                if (call.Context.Status.StatusCode == StatusCode.OK && call.EndWithContextStatus())
                {
                    response.TrySetResult(callerResponse);
                }
                else
                {
                    call.EndWithContextStatus();
                }
            });
        }

        return new AsyncUnaryCall<TCallerResponse>(response.Task, call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }
}
