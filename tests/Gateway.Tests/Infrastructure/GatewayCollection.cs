namespace JourneyGrpc.Gateway.Tests.Infrastructure;

/// <summary>Functional tests share one pair of live hosts.</summary>
[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "Gateway";
}
