namespace JourneyGrpc.Conformance.Tests.Engagement;

/// <summary>The engagement conformance tests share one live server and one run per client.</summary>
[CollectionDefinition(Name)]
public sealed class EngagementConformanceCollection : ICollectionFixture<EngagementClientRuns>
{
    public const string Name = "Engagement conformance";
}
