using Google.Protobuf.Reflection;

namespace JourneyGrpc.Gateway.Internal.InProcess;

/// <summary>
/// The gRPC services this process mapped with <c>MapGrpcService</c>, callable without HTTP/2: each
/// is bound here by <see cref="InProcessServiceMethodProvider{TService}"/> when it is mapped, with
/// the same service activator and interceptors Grpc.AspNetCore uses for it. Messages are passed as
/// objects, not serialized, when the caller's message types are the handler's.
/// </summary>
internal sealed class InProcessServices
{
    private readonly Dictionary<string, InProcessMethod> _methods = new(StringComparer.Ordinal);
    private readonly HashSet<string> _serviceNames = new(StringComparer.Ordinal);
    private readonly List<ServiceDescriptor> _services = [];

    /// <summary>The descriptors of the mapped services, in mapping order.</summary>
    internal IReadOnlyList<ServiceDescriptor> Services => _services;

    internal void AddService(ServiceDescriptor descriptor)
    {
        if (_serviceNames.Add(descriptor.FullName))
        {
            _services.Add(descriptor);
        }
    }

    internal void AddMethod(InProcessMethod method)
    {
        _serviceNames.Add(method.Method.ServiceName);
        if (!_methods.TryAdd(method.Method.FullName, method))
        {
            throw new InvalidOperationException($"gRPC method {method.Method.FullName} is bound in-process twice.");
        }
    }

    internal InProcessMethod? FindMethod(string fullName) => _methods.GetValueOrDefault(fullName);

    internal bool ContainsService(string serviceName) => _serviceNames.Contains(serviceName);
}
