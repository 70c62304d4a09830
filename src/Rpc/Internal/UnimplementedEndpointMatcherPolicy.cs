using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;

namespace JourneyGrpc.Rpc.Internal;

/// <summary>
/// Drops the catch-all UNIMPLEMENTED endpoint from every routing node that also holds a mapped
/// gRPC method. Such a node is reached only by that method's own path, where the method always
/// wins; without this, every call would also bind the catch-all's route values (allocating them)
/// and run its content-type constraint before the endpoint selector threw them away. Applied when
/// the matcher is built, never per request.
/// </summary>
internal sealed class UnimplementedEndpointMatcherPolicy : MatcherPolicy, INodeBuilderPolicy
{
    private static readonly object EdgeState = new();

    /// <summary>Last, so that earlier policies (host, HTTP method) have already split the nodes.</summary>
    public override int Order => int.MaxValue;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints)
    {
        var hasUnimplemented = false;
        var hasMethod = false;
        foreach (var endpoint in endpoints)
        {
            hasUnimplemented |= IsUnimplemented(endpoint);
            hasMethod |= endpoint.Metadata.GetMetadata<RpcMethodMetadata>() is not null;
        }

        return hasUnimplemented && hasMethod;
    }

    public IReadOnlyList<PolicyNodeEdge> GetEdges(IReadOnlyList<Endpoint> endpoints) =>
        [new PolicyNodeEdge(EdgeState, endpoints.Where(e => !IsUnimplemented(e)).ToArray())];

    public PolicyJumpTable BuildJumpTable(int exitDestination, IReadOnlyList<PolicyJumpTableEdge> edges) =>
        new SingleDestinationJumpTable(edges.Count == 1 ? edges[0].Destination : exitDestination);

    private static bool IsUnimplemented(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<UnimplementedEndpointMetadata>() is not null;

    private sealed class SingleDestinationJumpTable(int destination) : PolicyJumpTable
    {
        public override int GetDestination(HttpContext httpContext) => destination;
    }
}
