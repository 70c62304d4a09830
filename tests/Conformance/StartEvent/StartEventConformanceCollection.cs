namespace JourneyGrpc.Conformance.Tests.StartEvent;

/// <summary>The start-event clients share one live server and one run per client.</summary>
[CollectionDefinition(Name)]
public sealed class StartEventConformanceCollection : ICollectionFixture<StartEventClientRuns>
{
    public const string Name = "StartEvent conformance";
}
