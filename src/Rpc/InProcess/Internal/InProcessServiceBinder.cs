using Google.Protobuf.Reflection;
using JourneyGrpc.Rpc.Internal;

namespace JourneyGrpc.Rpc.InProcess.Internal;

/// <summary>Captures each method's typed handler from a generated <c>BindService</c>, once, at start-up.</summary>
internal sealed class InProcessServiceBinder(InProcessRpcServices services, ServerCallSettings settings) : ServiceBinderBase
{
    public override void AddService(ServiceDescriptor descriptor) => services.AddService(descriptor);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
        services.AddMethod(new InProcessUnaryMethod<TRequest, TResponse>(method, settings, handler ?? throw MissingHandler(method)));

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
        services.AddMethod(new InProcessClientStreamingMethod<TRequest, TResponse>(method, settings, handler ?? throw MissingHandler(method)));

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
        services.AddMethod(new InProcessServerStreamingMethod<TRequest, TResponse>(method, settings, handler ?? throw MissingHandler(method)));

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
        services.AddMethod(new InProcessDuplexStreamingMethod<TRequest, TResponse>(method, settings, handler ?? throw MissingHandler(method)));

    private static InvalidOperationException MissingHandler(IMethod method) =>
        new($"gRPC method {method.FullName} was bound without a handler.");
}
