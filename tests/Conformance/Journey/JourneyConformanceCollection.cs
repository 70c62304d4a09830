namespace JourneyGrpc.Conformance.Tests.Journey;

/// <summary>The journey conformance tests share one live server and one run per client.</summary>
[CollectionDefinition(Name)]
public sealed class JourneyConformanceCollection : ICollectionFixture<JourneyClientRuns>
{
    public const string Name = "Journey conformance";
}
