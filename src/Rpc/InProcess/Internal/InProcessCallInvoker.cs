namespace JourneyGrpc.Rpc.InProcess.Internal;

/// <summary>Starts calls on the handlers bound in <see cref="InProcessRpcServices"/>, found by method path.</summary>
internal sealed class InProcessCallInvoker(InProcessRpcServices services) : CallInvoker
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        Find(method) is { } bound
            ? bound.StartUnary(method, options, request)
            : new AsyncUnaryCall<TResponse>(Task.FromException<TResponse>(new RpcException(Unimplemented(method))), EmptyHeaders, () => Unimplemented(method), () => Metadata.Empty, static () => { });

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        Find(method) is { } bound
            ? bound.StartServerStreaming(method, options, request)
            : new AsyncServerStreamingCall<TResponse>(new InProcessFailedStreamReader<TResponse>(Unimplemented(method)), EmptyHeaders, () => Unimplemented(method), () => Metadata.Empty, static () => { });

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        Find(method)?.StartClientStreaming(method, options) ?? throw new RpcException(Unimplemented(method));

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        Find(method)?.StartDuplexStreaming(method, options) ?? throw new RpcException(Unimplemented(method));

    private static Task<Metadata> EmptyHeaders => Task.FromResult(Metadata.Empty);

    private InProcessMethod? Find(IMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return services.FindMethod(method.FullName);
    }

    // The same statuses the server sends for an unmapped path (UnimplementedCallHandler).
    private Status Unimplemented(IMethod method) => new(
        StatusCode.Unimplemented,
        services.ContainsService(method.ServiceName) ? "Method is unimplemented." : "Service is unimplemented.");

}
