using System.Data.Common;
using JourneyGrpc.Store.Internal.Sqlite;
using JourneyGrpc.Store.Tests.Contract;
using JourneyGrpc.Store.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace JourneyGrpc.Store.Tests.Sqlite;

/// <summary>The contract suite on a SQLite file of its own per test.</summary>
public sealed class SqliteStoreContractTests : StoreContractTests, IDisposable
{
    private readonly TempDirectory _directory = new();
    private int _databases;

    protected override int NewestSchemaVersion => SqliteSchema.Migrations[^1].Version;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    protected override Task<JourneyStoreOptions> StoreOptionsAsync() =>
        Task.FromResult(new JourneyStoreOptions { SqlitePath = _directory.File("store.db") });

    protected override Task<JourneyStoreOptions> FreshDatabaseAsync() =>
        Task.FromResult(new JourneyStoreOptions { SqlitePath = _directory.File($"fresh-{Interlocked.Increment(ref _databases)}/store.db") });

    protected override async Task<DbConnection> OpenRawAsync(JourneyStoreOptions options)
    {
        var connection = new SqliteConnection($"Data Source={options.SqlitePath};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    protected override async Task<IAsyncDisposable> HoldWriteLockAsync()
    {
        var connection = (SqliteConnection)await OpenRawAsync(await StoreOptionsAsync());
        var transaction = connection.BeginTransaction(deferred: false);
        return new HeldTransaction(transaction, connection);
    }
}
