using JourneyGrpc.Store.Internal.LiteDb;
using JourneyGrpc.Store.Tests.Infrastructure;
using JourneyGrpc.Store.Tests.V1;

namespace JourneyGrpc.Store.Tests.LiteDb;

public sealed class LiteDbBackupTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Run_WhileStoreIsWriting_CopyHasEveryEarlierWriteAndPassesIntegrityCheck()
    {
        var options = Options("live.litedb");
        await using var store = await JourneyStore.OpenAsync(options).DefaultTimeout();
        var before = new WriteBatch();
        for (var i = 0; i < 500; i++)
        {
            before.Insert("c", $"before-{i}", Records.Rich($"before-{i}"), new IndexEntry("by-agent", "a", i)).Append("log", Records.Small($"e{i}"));
        }

        await store.WriteAsync("t", before).DefaultTimeout();
        using var stop = new CancellationTokenSource();
        var written = 0;
        var writing = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await store.WriteAsync("t", new WriteBatch().Insert("c", $"during-{i}", Records.Small($"during-{i}")));
                written++;
            }
        });
        var reading = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                Assert.Equal(500, (await store.FindAsync("t", new IndexQuery("c", "by-agent", "a") { Limit = 10 })).Total);
            }
        });
        await store.WriteAsync("t", new WriteBatch().Insert("c", "started", Records.Small("started"))).DefaultTimeout();

        var bytes = LiteDbBackup.Run(options, _directory.File("backups/copy.litedb"));
        await stop.CancelAsync();
        await Task.WhenAll(writing, reading).DefaultTimeout();

        Assert.True(bytes > 0);
        Assert.True(written > 0);
        Assert.False(File.Exists(LiteDbFiles.LogPath(_directory.File("backups/copy.litedb"))));
        await using var copy = await JourneyStore.OpenAsync(Options("backups/copy.litedb")).DefaultTimeout();
        var records = await copy.GetManyAsync("t", "c", [.. Enumerable.Range(0, 500).Select(i => $"before-{i}"), "started"]).DefaultTimeout();
        Assert.Equal(501, records.Count);
        Assert.Equal(Records.Rich("before-499"), records[^2].Parse(TestRecord.Parser));
        Assert.Equal(500, (await copy.FindAsync("t", new IndexQuery("c", "by-agent", "a")).DefaultTimeout()).Total);
        Assert.Equal(500, (await copy.ReadEventsAsync("t", "log", 0, 1000).DefaultTimeout()).Count);
    }

    [Fact]
    public async Task Run_StoreClosed_CopiesCommittedLogToo()
    {
        var options = Options("closed.litedb");
        await using (var store = await JourneyStore.OpenAsync(options).DefaultTimeout())
        {
            await store.WriteAsync("t", new WriteBatch().Insert("c", "kept", Records.Rich("kept"))).DefaultTimeout();
        }

        LiteDbBackup.Run(options, _directory.File("copy.litedb"));

        await using var copy = await JourneyStore.OpenAsync(Options("copy.litedb")).DefaultTimeout();
        Assert.Equal(Records.Rich("kept"), (await copy.GetAsync("t", "c", "kept").DefaultTimeout())!.Parse(TestRecord.Parser));
    }

    [Fact]
    public async Task Run_StoreHeldByServerProcess_ServerTakesOnlineCopyThatPassesIntegrityCheck()
    {
        var path = _directory.File("server.litedb");
        await using var host = await CrashHostProcess.StartAsync("--Store:Provider=litedb", $"--Store:LiteDbPath={path}").DefaultTimeout();
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(host.Address);
        var client = new StoreTestService.StoreTestServiceClient(channel);
        for (var i = 0; i < 50; i++)
        {
            await client.PutAsync(new PutRequest { Tenant = "t", Record = new TestRecord { Id = $"r{i}", Name = "n", Number = i } }).ResponseAsync.DefaultTimeout();
        }

        var bytes = LiteDbBackup.Run(Options("server.litedb"), _directory.File("copies/copy.litedb"));

        Assert.True(bytes > 0);
        await using var copy = await JourneyStore.OpenAsync(Options("copies/copy.litedb")).DefaultTimeout();
        Assert.Equal(50, (await copy.FindAsync("t", new IndexQuery("records", "by-name", "n")).DefaultTimeout()).Total);
        Assert.Empty(Directory.GetFiles(_directory.Path, "server.litedb.backup-request-*"));
    }

    [Fact]
    public void Run_StoreHeldByProcessThatDoesNotAnswer_FailsAsLockedAndLeavesNoFile()
    {
        var options = Options("held.litedb");
        using var held = LiteDbFiles.Open(options.LiteDbPath, maxLogBytes: null);

        var error = Assert.Throws<StoreFailureException>(() => LiteDbBackup.Run(options, _directory.File("copy.litedb"), TimeSpan.FromMilliseconds(200)));

        Assert.Equal(StoreFailure.Locked, error.Failure);
        Assert.StartsWith($"The LiteDB store {options.LiteDbPath} is locked by another process that did not answer the backup request within 0.2 s", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_directory.File("copy.litedb")));
        Assert.Empty(Directory.GetFiles(_directory.Path, "held.litedb.backup-request-*"));
    }

    [Fact]
    public void Run_DestinationExists_RefusesToOverwrite()
    {
        var options = Options("store.litedb");
        File.WriteAllText(options.LiteDbPath, string.Empty);
        File.WriteAllText(_directory.File("taken.litedb"), "keep me");

        var error = Assert.Throws<IOException>(() => LiteDbBackup.Run(options, _directory.File("taken.litedb")));

        Assert.Equal($"The backup file {_directory.File("taken.litedb")} already exists; choose a new file name.", error.Message);
        Assert.Equal("keep me", File.ReadAllText(_directory.File("taken.litedb")));
    }

    [Fact]
    public void Run_NoStoreFile_FailsNamingPath()
    {
        var options = Options("absent.litedb");

        var error = Assert.Throws<StoreFailureException>(() => LiteDbBackup.Run(options, _directory.File("copy.litedb")));

        Assert.Equal($"There is no LiteDB store at {options.LiteDbPath} to back up; check Store:LiteDbPath.", error.Message);
    }

    private JourneyStoreOptions Options(string file) => new() { Provider = JourneyStoreOptions.LiteDb, LiteDbPath = _directory.File(file) };
}
