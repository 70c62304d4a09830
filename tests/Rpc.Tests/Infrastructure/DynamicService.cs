namespace JourneyGrpc.Rpc.Tests.Infrastructure;

/// <summary>A service whose methods a test adds at run time, bound like a generated service.</summary>
[BindServiceMethod(typeof(DynamicService), nameof(Bind))]
internal sealed class DynamicService
{
    private readonly List<Action<ServiceBinderBase>> _bindings = [];

    public static void Bind(ServiceBinderBase binder, DynamicService service)
    {
        foreach (var binding in service._bindings)
        {
            binding(binder);
        }
    }

    internal DynamicService AddUnary<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse> handler)
        where TRequest : class
        where TResponse : class
    {
        _bindings.Add(binder => binder.AddMethod(method, handler));
        return this;
    }

    internal DynamicService AddServerStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class
        where TResponse : class
    {
        _bindings.Add(binder => binder.AddMethod(method, handler));
        return this;
    }

    internal DynamicService AddClientStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class
        where TResponse : class
    {
        _bindings.Add(binder => binder.AddMethod(method, handler));
        return this;
    }

    internal DynamicService AddDuplex<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class
        where TResponse : class
    {
        _bindings.Add(binder => binder.AddMethod(method, handler));
        return this;
    }
}
