namespace JourneyGrpc.Conformance.Tests.Campaign;

/// <summary>Debian's python3-grpcio reports and watches campaign status through stubs generated from protos/.</summary>
[Collection(CampaignConformanceCollection.Name)]
public sealed class GrpcioCampaignWatchTests(CampaignClientRuns runs)
{
    [Theory]
    [MemberData(nameof(CampaignCases.All), MemberType = typeof(CampaignCases))]
    public async Task CampaignCase_Grpcio_Passes(string testCase)
    {
        var result = await runs.GetAsync("grpcio");
        Assert.True(result.LineFor(testCase) == "PASS " + testCase, result.ToString());
    }
}
