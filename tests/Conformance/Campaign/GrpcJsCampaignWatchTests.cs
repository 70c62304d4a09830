namespace JourneyGrpc.Conformance.Tests.Campaign;

/// <summary>npm's @grpc/grpc-js reports and watches campaign status through a definition loaded from protos/ by @grpc/proto-loader.</summary>
[Collection(CampaignConformanceCollection.Name)]
public sealed class GrpcJsCampaignWatchTests(CampaignClientRuns runs)
{
    [Theory]
    [MemberData(nameof(CampaignCases.All), MemberType = typeof(CampaignCases))]
    public async Task CampaignCase_GrpcJs_Passes(string testCase)
    {
        var result = await runs.GetAsync("grpc-js");
        Assert.True(result.LineFor(testCase) == "PASS " + testCase, result.ToString());
    }
}
