using JourneyGrpc.Rpc.Internal;
using JourneyGrpc.Rpc.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace JourneyGrpc.Rpc.Tests.Internal;

public sealed class UnimplementedEndpointMatcherPolicyTests
{
    private static readonly Endpoint MethodEndpoint = CreateEndpoint("gRPC - echo", new RpcMethodMetadata(TestMethods.Create(MethodType.Unary, "Echo")));
    private static readonly Endpoint CatchAll = CreateEndpoint("gRPC - unimplemented", UnimplementedEndpointMetadata.Instance);
    private static readonly Endpoint RestEndpoint = CreateEndpoint("REST");

    public static TheoryData<Endpoint[], bool> Nodes => new()
    {
        { [MethodEndpoint, CatchAll], true },
        { [CatchAll, MethodEndpoint], true },
        { [CatchAll], false },
        { [CatchAll, RestEndpoint], false },
        { [MethodEndpoint], false },
        { [MethodEndpoint, RestEndpoint], false },
    };

    [Theory]
    [MemberData(nameof(Nodes))]
    public void AppliesToEndpoints_Node_OnlyWhenAMappedMethodMeetsTheCatchAll(Endpoint[] endpoints, bool expected)
    {
        var policy = new UnimplementedEndpointMatcherPolicy();

        Assert.Equal(expected, policy.AppliesToEndpoints(endpoints));
    }

    [Fact]
    public void GetEdges_MappedMethodAndCatchAll_OneEdgeWithoutTheCatchAll()
    {
        var policy = new UnimplementedEndpointMatcherPolicy();

        var edges = policy.GetEdges([MethodEndpoint, RestEndpoint, CatchAll]);

        var edge = Assert.Single(edges);
        Assert.Equal([MethodEndpoint, RestEndpoint], edge.Endpoints);
    }

    [Fact]
    public void BuildJumpTable_OneEdge_AlwaysThatDestination()
    {
        var policy = new UnimplementedEndpointMatcherPolicy();

        var table = policy.BuildJumpTable(exitDestination: 1, [new Microsoft.AspNetCore.Routing.Matching.PolicyJumpTableEdge(new object(), 7)]);

        Assert.Equal(7, table.GetDestination(new DefaultHttpContext()));
    }

    private static Endpoint CreateEndpoint(string name, params object[] metadata) =>
        new(_ => Task.CompletedTask, new EndpointMetadataCollection(metadata), name);
}
