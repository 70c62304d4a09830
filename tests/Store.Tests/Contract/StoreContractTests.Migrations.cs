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

        Assert.Equal(2, reopened.SchemaVersion);
        await using var raw = await OpenRawAsync(options);
        await using var command = raw.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM schema_migrations";
        Assert.Equal(2L, Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
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

        Assert.Equal(2, current.SchemaVersion);
        Assert.Equal(Records.Rich("kept"), (await current.GetAsync(Tenant, Collection, "kept").DefaultTimeout())!.Parse(TestRecord.Parser));
        Assert.Equal(1, (await current.FindAsync(Tenant, new IndexQuery(Collection, "by-agent", "a")).DefaultTimeout()).Total);
        Assert.Equal([1L], (await current.WriteAsync(Tenant, new WriteBatch().Append("new-log", Records.Small("e"))).DefaultTimeout()).Sequences);
    }

    [Fact]
    public async Task Open_SchemaFromNewerVersion_RefusedWithClearMessage()
    {
        var options = await FreshDatabaseAsync();
        await (await JourneyStore.OpenAsync(options).DefaultTimeout()).DisposeAsync();
        await using (var raw = await OpenRawAsync(options))
        await using (var command = raw.CreateCommand())
        {
            command.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from the future', 0)";
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<StoreFailureException>(() => JourneyStore.OpenAsync(options).DefaultTimeout());

        Assert.Equal(StoreFailure.SchemaTooNew, error.Failure);
        Assert.Contains("has schema version 99, but this server knows versions up to 2", error.Message, StringComparison.Ordinal);
    }
}
