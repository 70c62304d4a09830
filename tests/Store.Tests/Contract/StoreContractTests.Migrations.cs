using JourneyGrpc.Store.Tests.Infrastructure;
using JourneyGrpc.Store.Tests.V1;

namespace JourneyGrpc.Store.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Open_Twice_MigrationsAppliedOnce()
    {
        var options = await FreshDatabaseAsync();
        await (await JourneyStore.OpenAsync(options).DefaultTimeout()).DisposeAsync();

        await using var reopened = await JourneyStore.OpenAsync(options).DefaultTimeout();

        Assert.Equal(NewestSchemaVersion, reopened.SchemaVersion);
        await reopened.DisposeAsync();
        Assert.Equal((long)NewestSchemaVersion, await CountAppliedMigrationsAsync(options));
    }

    [Fact]
    public async Task Open_StoreCreatedByOlderVersion_MigratesAndKeepsData()
    {
        var options = await FreshDatabaseAsync();
        options.SchemaTargetVersion = 1;
        await using (var old = await JourneyStore.OpenAsync(options).DefaultTimeout())
        {
            Assert.Equal(1, old.SchemaVersion);
            await old.WriteAsync(Tenant, new WriteBatch().Insert(Collection, "kept", Records.Rich("kept"), new IndexEntry("by-agent", "a", 1))).DefaultTimeout();
        }

        options.SchemaTargetVersion = null;
        await using var current = await JourneyStore.OpenAsync(options).DefaultTimeout();

        Assert.Equal(NewestSchemaVersion, current.SchemaVersion);
        Assert.Equal(Records.Rich("kept"), (await current.GetAsync(Tenant, Collection, "kept").DefaultTimeout())!.Parse(TestRecord.Parser));
        Assert.Equal(1, (await current.FindAsync(Tenant, new IndexQuery(Collection, "by-agent", "a")).DefaultTimeout()).Total);
        Assert.Equal([1L], (await current.WriteAsync(Tenant, new WriteBatch().Append("new-log", Records.Small("e"))).DefaultTimeout()).Sequences);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Open_StoreCreatedByOlderVersion_IndexEntriesWrittenBeforeAreReplacedAndDeleted(int olderVersion)
    {
        var options = await FreshDatabaseAsync();
        options.SchemaTargetVersion = olderVersion;
        await using (var old = await JourneyStore.OpenAsync(options).DefaultTimeout())
        {
            await old.WriteAsync(Tenant, new WriteBatch()
                .Insert(Collection, "updated", Records.Small("updated"), new IndexEntry("by-agent", "old-agent", 1), new IndexEntry("by-channel", "voice", long.MinValue))
                .Insert(Collection, "upserted", Records.Small("upserted"), new IndexEntry("by-agent", "old-agent", 2))
                .Insert(Collection, "deleted", Records.Small("deleted"), new IndexEntry("by-agent", "old-agent", 3))
                .Insert(Collection, "unindexed", Records.Small("unindexed"))).DefaultTimeout();
        }

        options.SchemaTargetVersion = null;
        await using var current = await JourneyStore.OpenAsync(options).DefaultTimeout();
        await current.WriteAsync(Tenant, new WriteBatch()
            .Update(Collection, "updated", 1, Records.Small("updated"), new IndexEntry("by-agent", "new-agent", 1))
            .Upsert(Collection, "upserted", Records.Small("upserted"), new IndexEntry("by-agent", "new-agent", 2))
            .Delete(Collection, "deleted", 1)
            .Update(Collection, "unindexed", 1, Records.Small("unindexed"), new IndexEntry("by-agent", "new-agent", 4))).DefaultTimeout();

        Assert.Equal(0, (await current.FindAsync(Tenant, new IndexQuery(Collection, "by-agent", "old-agent")).DefaultTimeout()).Total);
        Assert.Equal(0, (await current.FindAsync(Tenant, new IndexQuery(Collection, "by-channel", "voice")).DefaultTimeout()).Total);
        Assert.Equal(["updated", "upserted", "unindexed"], (await current.FindAsync(Tenant, new IndexQuery(Collection, "by-agent", "new-agent") { Descending = false }).DefaultTimeout()).Records.Select(r => r.Id));
    }

    [Fact]
    public async Task Open_SchemaFromNewerVersion_RefusedWithClearMessage()
    {
        var options = await FreshDatabaseAsync();
        await (await JourneyStore.OpenAsync(options).DefaultTimeout()).DisposeAsync();
        await MarkSchemaVersionAsync(options, 99);

        var error = await Assert.ThrowsAsync<StoreFailureException>(() => JourneyStore.OpenAsync(options).DefaultTimeout());

        Assert.Equal(StoreFailure.SchemaTooNew, error.Failure);
        Assert.Contains($"has schema version 99, but this server knows versions up to {NewestSchemaVersion}", error.Message, StringComparison.Ordinal);
    }
}
