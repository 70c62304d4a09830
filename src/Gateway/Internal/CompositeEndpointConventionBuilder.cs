using Microsoft.AspNetCore.Builder;

namespace JourneyGrpc.Gateway.Internal;

/// <summary>Applies conventions (host, auth, metadata) to every endpoint of a mapped service.</summary>
internal sealed class CompositeEndpointConventionBuilder(IReadOnlyList<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
{
    /// <inheritdoc />
    public void Add(Action<EndpointBuilder> convention)
    {
        foreach (var builder in builders)
        {
            builder.Add(convention);
        }
    }
}
