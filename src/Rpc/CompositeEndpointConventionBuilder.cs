using Microsoft.AspNetCore.Builder;

namespace JourneyGrpc.Rpc;

/// <summary>Applies conventions (host, auth, metadata) to every endpoint of a mapped service.</summary>
public sealed class CompositeEndpointConventionBuilder(IReadOnlyList<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
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
