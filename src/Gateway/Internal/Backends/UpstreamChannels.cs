using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyGrpc.Gateway.Internal.Backends;

/// <summary>
/// The <see cref="GrpcChannel"/> for a set of upstream addresses. One address: a plain channel. Several:
/// one channel with Grpc.Net.Client's own client-side load balancing (a static resolver over the
/// addresses and the <c>round_robin</c> policy), which picks only subchannels whose connection is ready,
/// so an upstream that died (connection lost, then refused) is skipped until it accepts connections
/// again, instead of getting every n-th call (https://grpc.github.io/grpc/core/md_doc_load-balancing.html).
/// </summary>
internal static class UpstreamChannels
{
    internal static GrpcChannel Create(IReadOnlyList<Uri> addresses)
    {
        if (addresses.Count == 1)
        {
            return GrpcChannel.ForAddress(addresses[0]);
        }

        var schemes = addresses.Select(a => a.Scheme).Distinct(StringComparer.Ordinal).ToList();
        if (schemes.Count != 1)
        {
            throw new InvalidOperationException(
                $"Upstreams {string.Join(", ", addresses)} mix http and https; the upstreams balanced together must use one scheme.");
        }

        var balancerAddresses = addresses.Select(a => new BalancerAddress(a.IdnHost, a.Port)).ToArray();
        var services = new ServiceCollection();
        services.AddSingleton<ResolverFactory>(new StaticResolverFactory(_ => balancerAddresses));
        return GrpcChannel.ForAddress("static:///upstreams", new GrpcChannelOptions
        {
            Credentials = schemes[0] == Uri.UriSchemeHttps ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure,
            ServiceConfig = new ServiceConfig { LoadBalancingConfigs = { new RoundRobinConfig() } },
            ServiceProvider = services.BuildServiceProvider(),
        });
    }
}
