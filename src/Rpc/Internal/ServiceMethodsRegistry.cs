using Google.Protobuf.Reflection;

namespace JourneyGrpc.Rpc.Internal;

/// <summary>Every service and method mapped in this server; filled at start-up, read-only afterwards.</summary>
internal sealed class ServiceMethodsRegistry
{
    private readonly Dictionary<string, ServiceDescriptor?> _services = new(StringComparer.Ordinal);
    private readonly List<IMethod> _methods = [];

    internal bool UnimplementedEndpointsMapped { get; set; }

    internal IReadOnlyCollection<string> ServiceNames => _services.Keys;

    internal IReadOnlyList<IMethod> Methods => _methods;

    internal IEnumerable<ServiceDescriptor> ServiceDescriptors => _services.Values.OfType<ServiceDescriptor>();

    internal bool ContainsService(string serviceName) => _services.ContainsKey(serviceName);

    internal void AddService(ServiceDescriptor descriptor) => _services[descriptor.FullName] = descriptor;

    internal void AddMethod(IMethod method)
    {
        _services.TryAdd(method.ServiceName, null);
        if (_methods.Any(m => m.FullName == method.FullName))
        {
            throw new InvalidOperationException($"gRPC method {method.FullName} is mapped twice.");
        }

        _methods.Add(method);
    }
}
