namespace JourneyGrpc.Conformance.Tests.Infrastructure;

/// <summary>All conformance tests share one live server and one run per client.</summary>
[CollectionDefinition(Name)]
public sealed class ConformanceCollection : ICollectionFixture<InteropRuns>
{
    public const string Name = "Conformance";
}
