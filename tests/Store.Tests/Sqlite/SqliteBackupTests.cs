using JourneyGrpc.Store.Tests.Infrastructure;
using JourneyGrpc.Store.Tests.V1;
using Microsoft.Data.Sqlite;

namespace JourneyGrpc.Store.Tests.Sqlite;

public sealed class SqliteBackupTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task Run_WhileStoreIsWriting_CopyHasEveryEarlierWriteAndPassesIntegrityCheck()
    {
        var options = new JourneyStoreOptions { SqlitePath = _directory.File("live.db") };
        await using var store = await JourneyStore.OpenAsync(options).DefaultTimeout();
        var before = new WriteBatch();
        for (var i = 0; i < 500; i++)
        {
            before.Insert("c", $"before-{i}", Records.Rich($"before-{i}"));
        }

        await store.WriteAsync("t", before).DefaultTimeout();
        using var stop = new CancellationTokenSource();
        var writing = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await store.WriteAsync("t", new WriteBatch().Insert("c", $"during-{i}", Records.Small($"during-{i}")));
            }
        });

        var bytes = SqliteBackup.Run(options, _directory.File("backups/copy.db"));
        await stop.CancelAsync();
        await writing.DefaultTimeout();

        Assert.True(bytes > 0);
        await using var copy = await JourneyStore.OpenAsync(new JourneyStoreOptions { SqlitePath = _directory.File("backups/copy.db") }).DefaultTimeout();
        var records = await copy.GetManyAsync("t", "c", [.. Enumerable.Range(0, 500).Select(i => $"before-{i}")]).DefaultTimeout();
        Assert.Equal(500, records.Count);
        Assert.Equal(Records.Rich("before-499"), records[^1].Parse(TestRecord.Parser));
    }

    [Fact]
    public void Run_DestinationExists_RefusesToOverwrite()
    {
        var options = new JourneyStoreOptions { SqlitePath = _directory.File("store.db") };
        File.WriteAllText(options.SqlitePath, string.Empty);
        File.WriteAllText(_directory.File("taken.db"), "keep me");

        var error = Assert.Throws<IOException>(() => SqliteBackup.Run(options, _directory.File("taken.db")));

        Assert.Equal($"The backup file {_directory.File("taken.db")} already exists; choose a new file name.", error.Message);
        Assert.Equal("keep me", File.ReadAllText(_directory.File("taken.db")));
    }

    [Fact]
    public void Run_NoStoreFile_FailsNamingPath()
    {
        var options = new JourneyStoreOptions { SqlitePath = _directory.File("absent.db") };

        var error = Assert.Throws<StoreFailureException>(() => SqliteBackup.Run(options, _directory.File("copy.db")));

        Assert.Equal($"There is no SQLite store at {options.SqlitePath} to back up; check Store:SqlitePath.", error.Message);
    }

    [Fact]
    public void Run_PostgresProvider_RefusesWithAdvice()
    {
        var options = new JourneyStoreOptions { Provider = "postgres", PostgresConnectionString = "Host=127.0.0.1" };

        var error = Assert.Throws<InvalidOperationException>(() => SqliteBackup.Run(options, _directory.File("copy.db")));

        Assert.StartsWith("Store:Provider is 'postgres': the backup command copies the SQLite or LiteDB store;", error.Message, StringComparison.Ordinal);
    }
}
