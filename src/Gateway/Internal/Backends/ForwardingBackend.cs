using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Http;

namespace JourneyGrpc.Gateway.Internal.Backends;

/// <summary>
/// Upstream gRPC servers reached through <see cref="GrpcChannel"/>: a service goes to the upstreams
/// named for it, else to the ones named for all; several upstreams share one load-balanced channel
/// (<see cref="UpstreamChannels"/>: round-robin over the live ones).
/// </summary>
internal sealed class ForwardingBackend : IGatewayBackend, IDisposable
{
    private readonly List<GrpcChannel> _channels = [];
    private readonly Dictionary<string, CallInvoker> _byService = new(StringComparer.Ordinal);
    private readonly CallInvoker? _default;

    internal ForwardingBackend(IReadOnlyList<ServiceDescriptor> services, IEnumerable<string> upstreams)
    {
        Services = services;
        var specs = upstreams.Select(UpstreamSpec.Parse).ToList();
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
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
    }

    private CallInvoker? Combine(IEnumerable<UpstreamSpec> specs)
    {
        var addresses = specs.Select(s => s.Address).Distinct().ToList();
        if (addresses.Count == 0)
        {
            return null;
        }

        var channel = UpstreamChannels.Create(addresses);
        _channels.Add(channel);
        return channel.CreateCallInvoker();
    }
}
