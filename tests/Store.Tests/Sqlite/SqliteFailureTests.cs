using System.Diagnostics;
using JourneyGrpc.Store.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace JourneyGrpc.Store.Tests.Sqlite;

/// <summary>A locked, read-only, corrupt or full database gives a <see cref="StoreFailureException"/> that says why, and the store keeps running.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SqliteFailureTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task Open_GarbageFile_FailsAsCorrupt()
    {
        var path = _directory.File("garbage.db");
        await File.WriteAllBytesAsync(path, [.. Enumerable.Range(0, 8192).Select(i => (byte)(i * 31))]);

        var error = await Assert.ThrowsAsync<StoreFailureException>(() => JourneyStore.OpenAsync(new JourneyStoreOptions { SqlitePath = path }).DefaultTimeout());

        Assert.Equal(StoreFailure.Corrupt, error.Failure);
        Assert.StartsWith($"The SQLite store {path} is corrupt or is not a SQLite database. Restore it from a backup", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_ReadOnlyFile_FailsAsReadOnly()
    {
        var path = _directory.File("readonly.db");
        await (await JourneyStore.OpenAsync(new JourneyStoreOptions { SqlitePath = path }).DefaultTimeout()).DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(path + "-wal");
        File.Delete(path + "-shm");
        using var readOnly = await ReadOnlyFile.MakeAsync(path);

        var error = await Assert.ThrowsAsync<StoreFailureException>(() => JourneyStore.OpenAsync(new JourneyStoreOptions { SqlitePath = path }).DefaultTimeout());

        Assert.True(error.Failure == StoreFailure.ReadOnly, error.Message);
        Assert.Contains($"The SQLite store {path}", error.Message, StringComparison.Ordinal);
        Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_FileExclusivelyLockedByOtherConnection_FailsAsLockedAfterBusyTimeout()
    {
        var path = _directory.File("locked.db");
        await (await JourneyStore.OpenAsync(new JourneyStoreOptions { SqlitePath = path }).DefaultTimeout()).DisposeAsync();
        await using var other = new SqliteConnection($"Data Source={path};Pooling=False");
        await other.OpenAsync();
        await using (var command = other.CreateCommand())
        {
            command.CommandText = "PRAGMA journal_mode = DELETE; BEGIN EXCLUSIVE; CREATE TABLE held (x);";
            await command.ExecuteNonQueryAsync();
        }

        var started = Stopwatch.GetTimestamp();
        var error = await Assert.ThrowsAsync<StoreFailureException>(() => JourneyStore.OpenAsync(new JourneyStoreOptions { SqlitePath = path, BusyTimeout = TimeSpan.FromSeconds(1) }).DefaultTimeout());

        Assert.Equal(StoreFailure.Locked, error.Failure);
        Assert.StartsWith($"The SQLite store {path} is locked by another connection or process (waited 1 s).", error.Message, StringComparison.Ordinal);
        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Write_WhileOtherProcessHoldsWriteLock_FailsAsLockedThenRecovers()
    {
        var path = _directory.File("busy.db");
        await using var store = await JourneyStore.OpenAsync(new JourneyStoreOptions { SqlitePath = path, BusyTimeout = TimeSpan.FromSeconds(1) }).DefaultTimeout();
        await using (var other = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await other.OpenAsync();
            await using var hold = other.BeginTransaction(deferred: false);

            var error = await Assert.ThrowsAsync<StoreFailureException>(() => store.WriteAsync("t", new WriteBatch().Insert("c", "1", Records.Small("1"))).DefaultTimeout());

            Assert.Equal(StoreFailure.Locked, error.Failure);
        }

        var result = await store.WriteAsync("t", new WriteBatch().Insert("c", "1", Records.Small("1"))).DefaultTimeout();
        Assert.Equal([1L], result.Versions);
    }

    [Fact]
    public async Task Write_DiskFull_FailsAsDiskFullAndStoreStaysUsable()
    {
        var path = _directory.File("full.db");
        await (await JourneyStore.OpenAsync(new JourneyStoreOptions { SqlitePath = path }).DefaultTimeout()).DisposeAsync();
        long pages;
        await using (var raw = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await raw.OpenAsync();
            await using var command = raw.CreateCommand();
            command.CommandText = "PRAGMA page_count";
            pages = (long)(await command.ExecuteScalarAsync())!;
        }

        // The file may grow by a few pages only: that is a disk with almost no space left.
        await using var store = await JourneyStore.OpenAsync(new JourneyStoreOptions { SqlitePath = path, SqliteMaxPageCount = pages + 4 }).DefaultTimeout();
        var big = new WriteBatch();
        for (var i = 0; i < 50; i++)
        {
            big.Insert("c", $"big-{i}", Records.Rich($"big-{i}"));
        }

        var error = await Assert.ThrowsAsync<StoreFailureException>(() => store.WriteAsync("t", big).DefaultTimeout());

        Assert.Equal(StoreFailure.DiskFull, error.Failure);
        Assert.StartsWith($"The SQLite store {path} cannot grow: the disk is full.", error.Message, StringComparison.Ordinal);
        Assert.Null(await store.GetAsync("t", "c", "big-0").DefaultTimeout());
        Assert.Equal([1L], (await store.WriteAsync("t", new WriteBatch().Insert("c", "small", Records.Small("small"))).DefaultTimeout()).Versions);
    }

    [Fact]
    public async Task Open_FolderCannotBeCreated_FailsAsUnreachable()
    {
        var file = _directory.File("a-file");
        await File.WriteAllTextAsync(file, "not a folder");

        var error = await Assert.ThrowsAsync<StoreFailureException>(() => JourneyStore.OpenAsync(new JourneyStoreOptions { SqlitePath = Path.Combine(file, "store.db") }).DefaultTimeout());

        Assert.Equal(StoreFailure.Unreachable, error.Failure);
        Assert.Contains("Check Store:SqlitePath.", error.Message, StringComparison.Ordinal);
    }
}
