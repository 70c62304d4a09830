namespace JourneyGrpc.Store.Tests.Infrastructure;

/// <summary>Tests that share the throwaway PostgreSQL cluster (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
