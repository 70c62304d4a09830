using JourneyGrpc.Store.Internal.LiteDb;
using JourneyGrpc.Store.Tests.Infrastructure;

namespace JourneyGrpc.Store.Tests.LiteDb;

/// <summary>LiteDB 5.0.21 does not sync a commit; the provider does, before answering. The log's stream counts writes and fsyncs.</summary>
public sealed class LiteDbDurabilityTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Write_EachCommit_LogFsyncedBeforeWriteIsAcknowledged()
    {
        await using var store = await JourneyStore.OpenAsync(Options("synced.litedb")).DefaultTimeout();
        var log = ((LiteDbEngine)store.Engine).Files().Log;

        for (var i = 0; i < 20; i++)
        {
            var syncsBefore = log.Syncs;

            await store.WriteAsync("t", new WriteBatch().Insert("c", $"r{i}", Records.Small($"r{i}")).Append("log", Records.Small($"e{i}"))).DefaultTimeout();

            // Answered: the commit's pages were written to the log, and the log was synced after them.
            Assert.Equal(0, log.UnsyncedWrites);
            Assert.Equal(syncsBefore + 1, log.Syncs);
        }
    }

    [Fact]
    public async Task Write_ConcurrentWriters_OneFsyncPerGroupCommit()
    {
        await using var store = await JourneyStore.OpenAsync(Options("grouped.litedb")).DefaultTimeout();
        var log = ((LiteDbEngine)store.Engine).Files().Log;
        var syncsBefore = log.Syncs;
        var commitsBefore = store.CommitCount;

        await Task.WhenAll(Enumerable.Range(0, 500).Select(i => Task.Run(() => store.WriteAsync("t", new WriteBatch().Insert("c", $"w{i}", Records.Small($"w{i}")))))).DefaultTimeout();

        Assert.Equal(0, log.UnsyncedWrites);
        Assert.Equal(store.CommitCount - commitsBefore, log.Syncs - syncsBefore);
        Assert.InRange(store.CommitCount - commitsBefore, 1, 500);
    }

    [Fact]
    public async Task Open_ExistingLog_CheckpointedIntoSyncedDataFile()
    {
        var options = Options("checkpoint.litedb");
        await (await JourneyStore.OpenAsync(options).DefaultTimeout()).DisposeAsync();
        await using var store = await JourneyStore.OpenAsync(options).DefaultTimeout();
        var files = ((LiteDbEngine)store.Engine).Files();

        Assert.Equal(0, files.Data.UnsyncedWrites);
        Assert.True(File.Exists(LiteDbFiles.LogPath(options.LiteDbPath)));
        Assert.Equal(Path.Combine(_directory.Path, "checkpoint-log.litedb"), LiteDbFiles.LogPath(options.LiteDbPath));
    }

    [Fact]
    public async Task Create_RelativePath_ResolvedAgainstWorkingDirectory()
    {
        await using var store = JourneyStore.Create(new JourneyStoreOptions { Provider = "LiteDB" });

        Assert.Equal($"LiteDB store {Path.Combine(Environment.CurrentDirectory, "data", "journeygrpc.litedb")}", store.Description);
    }

    private JourneyStoreOptions Options(string file) => new() { Provider = JourneyStoreOptions.LiteDb, LiteDbPath = _directory.File(file) };
}
