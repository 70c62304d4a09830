namespace JourneyGrpc.Rpc.Generator.Tests.Infrastructure;

/// <summary>Records the method and options of each call a generated client starts; never sends anything.</summary>
internal sealed class RecordingCallInvoker : CallInvoker
{
    public IMethod? LastMethod { get; private set; }

    public CallOptions LastOptions { get; private set; }

    public object? LastRequest { get; private set; }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        Record(method, options, request);
        return new AsyncUnaryCall<TResponse>(Task.FromResult(default(TResponse)!), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => new Metadata(), () => { });
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        Record(method, options, request);
        return new AsyncServerStreamingCall<TResponse>(null!, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => new Metadata(), () => { });
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        Record(method, options, null);
        return new AsyncClientStreamingCall<TRequest, TResponse>(null!, Task.FromResult(default(TResponse)!), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => new Metadata(), () => { });
    }

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        Record(method, options, null);
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(null!, null!, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => new Metadata(), () => { });
    }

    private void Record(IMethod method, CallOptions options, object? request)
    {
        LastMethod = method;
        LastOptions = options;
        LastRequest = request;
    }
}
