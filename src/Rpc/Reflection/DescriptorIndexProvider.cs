using JourneyGrpc.Rpc.Internal;

namespace JourneyGrpc.Rpc.Reflection;

/// <summary>Builds the descriptor index on first use, when every service has been mapped.</summary>
internal sealed class DescriptorIndexProvider(ServiceMethodsRegistry registry)
{
    private readonly Lazy<DescriptorIndex> _index = new(() => new DescriptorIndex(registry.ServiceNames, registry.ServiceDescriptors));

    internal DescriptorIndex Index => _index.Value;
}
