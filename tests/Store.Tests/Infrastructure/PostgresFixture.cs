namespace JourneyGrpc.Store.Tests.Infrastructure;

/// <summary>One throwaway cluster for every PostgreSQL test of the run, with a shared database for the contract suite.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresCluster? _cluster;
    private int _databases;

    public PostgresCluster Cluster => _cluster ?? throw new InvalidOperationException("The PostgreSQL cluster did not start.");

    /// <summary>The database the contract tests share; each test uses its own tenant.</summary>
    public string SharedConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        _cluster = await PostgresCluster.StartAsync().DefaultTimeout();
        SharedConnectionString = await _cluster.CreateDatabaseAsync("contract").DefaultTimeout();
    }

    /// <summary>A new empty database, for tests that need a schema of their own.</summary>
    public Task<string> CreateDatabaseAsync(string prefix) =>
        Cluster.CreateDatabaseAsync($"{prefix}_{Interlocked.Increment(ref _databases)}");

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
