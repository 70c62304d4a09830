using JourneyGrpc.Conformance.Tests.Infrastructure;

namespace JourneyGrpc.Conformance.Tests.Interop;

/// <summary>npm's @grpc/grpc-js drives every interop case against the live server.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class GrpcJsInteropTests(InteropRuns runs)
{
    [Theory]
    [MemberData(nameof(InteropCases.All), MemberType = typeof(InteropCases))]
    public async Task InteropCase_GrpcJs_Passes(string testCase)
    {
        var result = await runs.GetAsync("grpc-js");
        Assert.True(result.LineFor(testCase) == "PASS " + testCase, result.ToString());
    }
}
