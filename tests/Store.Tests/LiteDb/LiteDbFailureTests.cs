using JourneyGrpc.Store.Tests.Infrastructure;

namespace JourneyGrpc.Store.Tests.LiteDb;

/// <summary>A locked, corrupt or full LiteDB file gives a <see cref="StoreFailureException"/> that says why, and the store keeps running.</summary>
public sealed class LiteDbFailureTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Open_GarbageFile_FailsAsCorrupt()
    {
        var path = _directory.File("garbage.litedb");
        await File.WriteAllBytesAsync(path, [.. Enumerable.Range(0, 8192 * 2).Select(i => (byte)(i * 31))]);

        var error = await Assert.ThrowsAsync<StoreFailureException>(() => JourneyStore.OpenAsync(Options(path)).DefaultTimeout());

        Assert.Equal(StoreFailure.Corrupt, error.Failure);
        Assert.StartsWith($"The LiteDB store {path} is corrupt or is not a LiteDB database. Restore it from a backup", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_FileHeldByAnotherStore_FailsAsLockedAtOnce()
    {
        var path = _directory.File("held.litedb");
        await using var first = await JourneyStore.OpenAsync(Options(path)).DefaultTimeout();

        var error = await Assert.ThrowsAsync<StoreFailureException>(() => JourneyStore.OpenAsync(Options(path)).DefaultTimeout());

        Assert.Equal(StoreFailure.Locked, error.Failure);
        Assert.StartsWith($"The LiteDB store {path} is locked by another process (a second server on the same file?).", error.Message, StringComparison.Ordinal);
        Assert.Equal([1L], (await first.WriteAsync("t", new WriteBatch().Insert("c", "still-mine", Records.Small("x"))).DefaultTimeout()).Versions);
    }

    [Fact]
    public async Task Open_FileHeldByAnotherProcess_FailsAsLocked()
    {
        var path = _directory.File("process.litedb");
        await using var host = await CrashHostProcess.StartAsync("--Store:Provider=litedb", $"--Store:LiteDbPath={path}").DefaultTimeout();

        var error = await Assert.ThrowsAsync<StoreFailureException>(() => JourneyStore.OpenAsync(Options(path)).DefaultTimeout());

        Assert.Equal(StoreFailure.Locked, error.Failure);
    }

    [Fact]
    public async Task Write_DiskFull_FailsAsDiskFullAndStoreStaysUsable()
    {
        var path = _directory.File("full.litedb");

        // The log may grow to 16 pages only: a disk with almost no space left.
        var options = Options(path);
        options.LiteDbMaxLogBytes = 16 * 8192;
        var store = await JourneyStore.OpenAsync(options).DefaultTimeout();
        var big = new WriteBatch();
        for (var i = 0; i < 500; i++)
        {
            big.Insert("c", $"big-{i}", Records.Rich($"big-{i}"), new IndexEntry("by-agent", "a", i));
        }

        var error = await Assert.ThrowsAsync<StoreFailureException>(() => store.WriteAsync("t", big).DefaultTimeout());

        Assert.Equal(StoreFailure.DiskFull, error.Failure);
        Assert.StartsWith($"The LiteDB store {path} cannot grow: the disk is full.", error.Message, StringComparison.Ordinal);
        Assert.Null(await store.GetAsync("t", "c", "big-0").DefaultTimeout());
        Assert.Equal([1L], (await store.WriteAsync("t", new WriteBatch().Insert("c", "small", Records.Small("small"))).DefaultTimeout()).Versions);
        Assert.Equal(0, (await store.FindAsync("t", new IndexQuery("c", "by-agent", "a")).DefaultTimeout()).Total);

        // Once the writer thread is gone, the failed transaction is garbage: its finalizer must not run
        // LiteDB's disposal again (that would throw on the finalizer thread and end the process).
        // Several rounds: the engine's thread-local slot is finalized first, then what it held.
        await store.DisposeAsync();
        for (var round = 0; round < 3; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Open_ReadOnlyFile_FailsAsReadOnly()
    {
        var path = _directory.File("readonly.litedb");
        await (await JourneyStore.OpenAsync(Options(path)).DefaultTimeout()).DisposeAsync();
        using var readOnly = await ReadOnlyFile.MakeAsync(path);

        var error = await Assert.ThrowsAsync<StoreFailureException>(() => JourneyStore.OpenAsync(Options(path)).DefaultTimeout());

        Assert.True(error.Failure == StoreFailure.ReadOnly, error.Message);
        Assert.StartsWith($"The LiteDB store {path} is read-only.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_FolderCannotBeCreated_FailsAsUnreachable()
    {
        var file = _directory.File("a-file");
        await File.WriteAllTextAsync(file, "not a folder");

        var error = await Assert.ThrowsAsync<StoreFailureException>(() => JourneyStore.OpenAsync(Options(Path.Combine(file, "store.litedb"))).DefaultTimeout());

        Assert.Equal(StoreFailure.Unreachable, error.Failure);
        Assert.Contains("Check Store:LiteDbPath.", error.Message, StringComparison.Ordinal);
    }

    private static JourneyStoreOptions Options(string path) => new() { Provider = JourneyStoreOptions.LiteDb, LiteDbPath = path };
}
