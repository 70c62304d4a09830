using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Http;

namespace JourneyGrpc.Gateway.Internal.Backends;

/// <summary>
/// Upstream gRPC servers reached through <see cref="GrpcChannel"/> (one channel per address): a
/// service goes to the upstreams named for it, else round-robin over the ones named for all.
/// </summary>
internal sealed class ForwardingBackend : IGatewayBackend, IDisposable
{
    private readonly Dictionary<Uri, GrpcChannel> _channels = [];
    private readonly Dictionary<string, CallInvoker> _byService = new(StringComparer.Ordinal);
    private readonly CallInvoker? _default;

    internal ForwardingBackend(IReadOnlyList<ServiceDescriptor> services, IEnumerable<string> upstreams)
    {
        Services = services;
        var specs = upstreams.Select(UpstreamSpec.Parse).ToList();
        foreach (var spec in specs.Where(s => !_channels.ContainsKey(s.Address)))
        {
            _channels[spec.Address] = GrpcChannel.ForAddress(spec.Address);
        }

        _default = Combine(specs.Where(s => s.Service is null));
        foreach (var group in specs.Where(s => s.Service is not null).GroupBy(s => s.Service!, StringComparer.Ordinal))
        {
            _byService[group.Key] = Combine(group)!;
        }

        Description = "forwarding to " + string.Join(", ", specs.Select(s => s.Service is null ? s.Address.ToString() : $"{s.Service}={s.Address}"));
    }

    public string Description { get; }

    public IReadOnlyList<ServiceDescriptor> Services { get; }

    public Func<HttpContext, CallInvoker> GetInvokerFactory(ServiceDescriptor service)
    {
        var invoker = _byService.GetValueOrDefault(service.FullName) ?? _default
            ?? throw new InvalidOperationException($"No upstream serves {service.FullName}: add '--upstream http://host:port' or '--upstream {service.FullName}=http://host:port'.");
        return _ => invoker;
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }
    }

    private CallInvoker? Combine(IEnumerable<UpstreamSpec> specs)
    {
        var invokers = specs.Select(s => _channels[s.Address].CreateCallInvoker()).ToList();
        return invokers.Count switch
        {
            0 => null,
            1 => invokers[0],
            _ => new RoundRobinCallInvoker(invokers),
        };
    }
}
