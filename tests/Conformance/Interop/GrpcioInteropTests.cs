using JourneyGrpc.Conformance.Tests.Infrastructure;

namespace JourneyGrpc.Conformance.Tests.Interop;

/// <summary>Debian's python3-grpcio drives every interop case against the live server.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class GrpcioInteropTests(InteropRuns runs)
{
    [Theory]
    [MemberData(nameof(InteropCases.All), MemberType = typeof(InteropCases))]
    public async Task InteropCase_Grpcio_Passes(string testCase)
    {
        var result = await runs.GetAsync("grpcio");
        Assert.True(result.LineFor(testCase) == "PASS " + testCase, result.ToString());
    }
}
