using JourneyGrpc.Store.Internal;
using JourneyGrpc.Store.Internal.Sqlite;
using JourneyGrpc.Store.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace JourneyGrpc.Store.Tests.Sqlite;

/// <summary>The writer commits through a WAL synced at every commit.</summary>
public sealed class SqliteDurabilityTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task OpenWriter_Always_WalWithSynchronousFull()
    {
        var options = new JourneyStoreOptions { SqlitePath = _directory.File("nested/folder/store.db") };
        await using var backend = new SqliteBackend(options);

        await using var writer = await backend.OpenWriterAsync(CancellationToken.None).DefaultTimeout();

        Assert.Equal("wal", await Sql.Command(writer, null, "PRAGMA journal_mode").ScalarAsync(CancellationToken.None));
        Assert.Equal(2L, await Sql.Command(writer, null, "PRAGMA synchronous").ScalarAsync(CancellationToken.None));
        Assert.True(File.Exists(options.SqlitePath));
    }

    [Fact]
    public async Task Create_RelativePath_ResolvedAgainstWorkingDirectory()
    {
        await using var store = JourneyStore.Create(new JourneyStoreOptions());

        Assert.Equal($"SQLite store {Path.Combine(Environment.CurrentDirectory, "data", "journeygrpc.db")}", store.Description);
    }
}
