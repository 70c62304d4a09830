using System.Reflection;
using Google.Protobuf.Reflection;
using JourneyGrpc.Rpc.InProcess.Internal;
using JourneyGrpc.Rpc.Internal;

namespace JourneyGrpc.Rpc.InProcess;

/// <summary>
/// The services mapped with <c>MapRpcService</c>, callable in the same process without HTTP/2:
/// every mapped service is also bound here, to the same instance and handlers, at start-up.
/// <see cref="CallInvoker"/> runs a call's handler directly with an in-process
/// <see cref="ServerCallContext"/> (deadline, cancellation, request headers, response headers,
/// trailers and status as over the wire); messages are passed as objects, not serialized, when
/// the caller's message types are the handler's. Registered by <c>services.AddRpc()</c>.
/// </summary>
/// <remarks>
/// In-process calls do not pass through ASP.NET Core middleware or endpoint filters: whatever
/// calls <see cref="CallInvoker"/> is responsible for authentication and authorization.
/// </remarks>
public sealed class InProcessRpcServices
{
    private readonly Dictionary<string, InProcessMethod> _methods = new(StringComparer.Ordinal);
    private readonly HashSet<string> _serviceNames = new(StringComparer.Ordinal);
    private readonly List<ServiceDescriptor> _services = [];

    internal InProcessRpcServices()
    {
        CallInvoker = new InProcessCallInvoker(this);
    }

    /// <summary>The descriptors of the mapped services, in mapping order.</summary>
    public IReadOnlyList<ServiceDescriptor> Services => _services;

    /// <summary>Runs calls on the mapped services' handlers, in this process.</summary>
    public CallInvoker CallInvoker { get; }

    /// <summary>Binds one mapped service's handlers; called by <c>MapRpcService</c>.</summary>
    internal void Bind(MethodInfo bindMethod, object instance, ServerCallSettings settings)
    {
        var binder = new InProcessServiceBinder(this, settings);
        bindMethod.Invoke(null, [binder, instance]);
    }

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
