using JourneyGrpc.Store.Internal.LiteDb;
using JourneyGrpc.Store.Tests.Contract;
using JourneyGrpc.Store.Tests.Infrastructure;
using LiteDB;

namespace JourneyGrpc.Store.Tests.LiteDb;

/// <summary>The contract suite on a LiteDB file of its own per test.</summary>
public sealed class LiteDbStoreContractTests : StoreContractTests, IDisposable
{
    private readonly TempDirectory _directory = new();
    private int _databases;

    protected override int NewestSchemaVersion => LiteDbSchema.Migrations[^1].Version;

    public void Dispose() => _directory.Dispose();

    protected override Task<JourneyStoreOptions> StoreOptionsAsync() =>
        Task.FromResult(Options(_directory.File("store.litedb")));

    protected override Task<JourneyStoreOptions> FreshDatabaseAsync() =>
        Task.FromResult(Options(_directory.File($"fresh-{Interlocked.Increment(ref _databases)}/store.litedb")));

    protected override Task<long> CountAppliedMigrationsAsync(JourneyStoreOptions options)
    {
        using var raw = new LiteDatabase(options.LiteDbPath);
        return Task.FromResult((long)raw.GetCollection(LiteDbSchema.History).Count());
    }

    protected override Task MarkSchemaVersionAsync(JourneyStoreOptions options, int version)
    {
        using var raw = new LiteDatabase(options.LiteDbPath);
        raw.UserVersion = version;
        return Task.CompletedTask;
    }

    protected override Task<IAsyncDisposable> HoldWriteLockAsync() => HeldLiteDbLocks.HoldAsync(Store);

    private static JourneyStoreOptions Options(string path) => new() { Provider = JourneyStoreOptions.LiteDb, LiteDbPath = path };
}
