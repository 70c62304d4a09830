using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace JourneyGrpc.Gateway.Internal.InProcess;

/// <summary>
/// Starts calls, on behalf of one REST request, on the handlers bound in <see cref="InProcessServices"/>,
/// found by method path. The request's <see cref="HttpContext"/> becomes the calls' HTTP context.
/// </summary>
internal sealed class InProcessCallInvoker(InProcessServices services, HttpContext httpContext) : CallInvoker
{
    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        using var call = AsyncUnaryCall(method, host, options, request);
        return call.ResponseAsync.GetAwaiter().GetResult();
    }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        Find(method) is { } bound
            ? bound.StartUnary(method, httpContext, options, request)
            : new AsyncUnaryCall<TResponse>(Task.FromException<TResponse>(new RpcException(Unimplemented(method))), EmptyHeaders, () => Unimplemented(method), () => Metadata.Empty, static () => { });

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        Find(method) is { } bound
            ? bound.StartServerStreaming(method, httpContext, options, request)
            : new AsyncServerStreamingCall<TResponse>(new InProcessFailedStreamReader<TResponse>(Unimplemented(method)), EmptyHeaders, () => Unimplemented(method), () => Metadata.Empty, static () => { });

    // An unmapped method still gives a call, whose response and writes fail, as a call over HTTP/2 does.
    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        Find(method) is { } bound
            ? bound.StartClientStreaming(method, httpContext, options)
            : new AsyncClientStreamingCall<TRequest, TResponse>(new InProcessFailedStreamWriter<TRequest>(Unimplemented(method)), Task.FromException<TResponse>(new RpcException(Unimplemented(method))), EmptyHeaders, () => Unimplemented(method), () => Metadata.Empty, static () => { });

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        Find(method) is { } bound
            ? bound.StartDuplexStreaming(method, httpContext, options)
            : new AsyncDuplexStreamingCall<TRequest, TResponse>(new InProcessFailedStreamWriter<TRequest>(Unimplemented(method)), new InProcessFailedStreamReader<TResponse>(Unimplemented(method)), EmptyHeaders, () => Unimplemented(method), () => Metadata.Empty, static () => { });

    private static Task<Metadata> EmptyHeaders => Task.FromResult(Metadata.Empty);

    private InProcessMethod? Find(IMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return services.FindMethod(method.FullName);
    }

    // The statuses Grpc.AspNetCore sends for an unmapped path.
    private Status Unimplemented(IMethod method) =>
        services.ContainsService(method.ServiceName) ? InProcessStatuses.MethodUnimplemented : InProcessStatuses.ServiceUnimplemented;
}
