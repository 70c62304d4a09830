namespace JourneyGrpc.Conformance.Tests.Campaign;

/// <summary>The campaign watch clients share one live server and one run per client.</summary>
[CollectionDefinition(Name)]
public sealed class CampaignConformanceCollection : ICollectionFixture<CampaignClientRuns>
{
    public const string Name = "Campaign conformance";
}
