using Google.Protobuf.Reflection;

namespace JourneyGrpc.Rpc;

/// <summary>
/// Receives a service's methods from its generated <c>BindService</c> method. Each override
/// adds one kind of call.
/// </summary>
public abstract class ServiceBinderBase
{
    /// <summary>Announces the protobuf descriptor of the service being bound.</summary>
    public virtual void AddService(ServiceDescriptor descriptor)
    {
    }

    /// <summary>Adds a unary method.</summary>
    public virtual void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        where TRequest : class
        where TResponse : class
    {
        throw new NotSupportedException($"{GetType().Name} does not bind unary methods.");
    }

    /// <summary>Adds a client-streaming method.</summary>
    public virtual void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
        where TRequest : class
        where TResponse : class
    {
        throw new NotSupportedException($"{GetType().Name} does not bind client-streaming methods.");
    }

    /// <summary>Adds a server-streaming method.</summary>
    public virtual void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
        where TRequest : class
        where TResponse : class
    {
        throw new NotSupportedException($"{GetType().Name} does not bind server-streaming methods.");
    }

    /// <summary>Adds a duplex-streaming method.</summary>
    public virtual void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
        where TRequest : class
        where TResponse : class
    {
        throw new NotSupportedException($"{GetType().Name} does not bind duplex-streaming methods.");
    }
}
