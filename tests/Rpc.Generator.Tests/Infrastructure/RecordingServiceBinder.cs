using Google.Protobuf.Reflection;

namespace JourneyGrpc.Rpc.Generator.Tests.Infrastructure;

/// <summary>Records what a generated <c>BindService</c> hands to its binder, in order.</summary>
internal sealed class RecordingServiceBinder : ServiceBinderBase
{
    public List<string> Calls { get; } = [];

    public Dictionary<string, Delegate?> Handlers { get; } = [];

    public override void AddService(ServiceDescriptor descriptor) => Calls.Add("service " + descriptor.FullName);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
        Record(method, handler);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
        Record(method, handler);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
        Record(method, handler);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
        Record(method, handler);

    private void Record(IMethod method, Delegate? handler)
    {
        Calls.Add($"{method.Type} {method.FullName}");
        Handlers[method.Name] = handler;
    }
}
