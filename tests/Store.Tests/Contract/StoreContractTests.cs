using System.Data.Common;
using Google.Protobuf;
using JourneyGrpc.Store.Tests.Infrastructure;
using JourneyGrpc.Store.Tests.V1;

namespace JourneyGrpc.Store.Tests.Contract;

/// <summary>
/// The store contract: every test runs on LiteDB, on SQLite and on a real PostgreSQL server (one subclass each).
/// Each test writes under a tenant of its own.
/// </summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    protected const string Collection = "engagements";

    private JourneyStore? _store;

    protected string Tenant { get; } = "tenant-" + Guid.NewGuid().ToString("N");

    protected string OtherTenant { get; } = "other-" + Guid.NewGuid().ToString("N");

    protected JourneyStore Store => _store ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync() => _store = await JourneyStore.OpenAsync(await StoreOptionsAsync()).DefaultTimeout();

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync().AsTask().DefaultTimeout();
        }
    }

    /// <summary>Options of the database this test class shares.</summary>
    protected abstract Task<JourneyStoreOptions> StoreOptionsAsync();

    /// <summary>Options of a new, empty database.</summary>
    protected abstract Task<JourneyStoreOptions> FreshDatabaseAsync();

    /// <summary>A connection to the SQL database of <paramref name="options"/> that bypasses the store.</summary>
    protected virtual Task<DbConnection> OpenRawAsync(JourneyStoreOptions options) => throw new NotSupportedException("Not a SQL database.");

    /// <summary>How many schema migrations the (closed) database of <paramref name="options"/> lists as applied, read bypassing the store.</summary>
    protected virtual async Task<long> CountAppliedMigrationsAsync(JourneyStoreOptions options)
    {
        await using var raw = await OpenRawAsync(options);
        await using var command = raw.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM schema_migrations";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Marks the (closed) database of <paramref name="options"/> as migrated to <paramref name="version"/> by a newer server, bypassing the store.</summary>
    protected virtual async Task MarkSchemaVersionAsync(JourneyStoreOptions options, int version)
    {
        await using var raw = await OpenRawAsync(options);
        await using var command = raw.CreateCommand();
        command.CommandText = $"INSERT INTO schema_migrations (version, name, applied_at) VALUES ({version}, 'from the future', 0)";
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The newest schema version of the backend under test.</summary>
    protected abstract int NewestSchemaVersion { get; }

    /// <summary>Holds the database's write lock from another connection until disposed, so batches queue up behind the writer.</summary>
    protected abstract Task<IAsyncDisposable> HoldWriteLockAsync();

    [Fact]
    public async Task Insert_RichMessage_GetReturnsEqualMessageAndBytes()
    {
        var record = Records.Rich("e-1");

        var result = await Store.WriteAsync(Tenant, new WriteBatch().Insert(Collection, "e-1", record)).DefaultTimeout();
        var stored = await Store.GetAsync(Tenant, Collection, "e-1").DefaultTimeout();

        Assert.Equal([1L], result.Versions);
        Assert.NotNull(stored);
        Assert.Equal(1, stored.Version);
        Assert.Equal(record.ToByteArray(), stored.Payload.ToArray());
        Assert.Equal(record, stored.Parse(TestRecord.Parser));
        Assert.Equal(new byte[] { 0x9a, 0x06, 0x03, (byte)'n', (byte)'e', (byte)'w' }, stored.Payload.ToArray()[^6..]);
    }

    [Fact]
    public async Task Get_UnknownId_ReturnsNull()
    {
        Assert.Null(await Store.GetAsync(Tenant, Collection, "missing").DefaultTimeout());
    }

    [Fact]
    public async Task Insert_ExistingId_ThrowsDuplicateNamingRecord()
    {
        await Store.WriteAsync(Tenant, new WriteBatch().Insert(Collection, "dup", Records.Small("dup"))).DefaultTimeout();

        var error = await Assert.ThrowsAsync<StoreDuplicateException>(() => Store.WriteAsync(Tenant, new WriteBatch().Insert(Collection, "dup", Records.Small("dup"))).DefaultTimeout());

        Assert.Equal("Record engagements/dup already exists.", error.Message);
        Assert.Equal(("engagements", "dup"), (error.Collection, error.Id));
    }

    [Fact]
    public async Task Update_ExpectedVersion_ReplacesPayloadAndIncrementsVersion()
    {
        await Store.WriteAsync(Tenant, new WriteBatch().Insert(Collection, "u", Records.Small("u", "before"))).DefaultTimeout();

        var result = await Store.WriteAsync(Tenant, new WriteBatch().Update(Collection, "u", 1, Records.Small("u", "after"))).DefaultTimeout();
        var stored = await Store.GetAsync(Tenant, Collection, "u").DefaultTimeout();

        Assert.Equal([2L], result.Versions);
        Assert.Equal(2, stored!.Version);
        Assert.Equal("after", stored.Parse(TestRecord.Parser).Name);
    }

    [Fact]
    public async Task Update_StaleVersion_ThrowsConcurrencyNamingRecordAndVersions()
    {
        await Store.WriteAsync(Tenant, new WriteBatch().Insert(Collection, "s", Records.Small("s"))).DefaultTimeout();
        await Store.WriteAsync(Tenant, new WriteBatch().Update(Collection, "s", 1, Records.Small("s", "second"))).DefaultTimeout();

        var error = await Assert.ThrowsAsync<StoreConcurrencyException>(() => Store.WriteAsync(Tenant, new WriteBatch().Update(Collection, "s", 1, Records.Small("s", "stale"))).DefaultTimeout());

        Assert.Equal("Record engagements/s is at version 2, not the expected version 1.", error.Message);
        Assert.Equal((Collection, "s", 1L, 2L), (error.Collection, error.Id, error.ExpectedVersion!.Value, error.ActualVersion!.Value));
        Assert.Equal("second", (await Store.GetAsync(Tenant, Collection, "s").DefaultTimeout())!.Parse(TestRecord.Parser).Name);
    }

    [Fact]
    public async Task Update_MissingRecord_ThrowsConcurrencyWithNoActualVersion()
    {
        var error = await Assert.ThrowsAsync<StoreConcurrencyException>(() => Store.WriteAsync(Tenant, new WriteBatch().Update(Collection, "nope", 3, Records.Small("nope"))).DefaultTimeout());

        Assert.Null(error.ActualVersion);
        Assert.Equal("Record engagements/nope does not exist (expected version 3).", error.Message);
    }

    [Fact]
    public async Task Upsert_NewThenExisting_VersionsOneThenTwo()
    {
        var first = await Store.WriteAsync(Tenant, new WriteBatch().Upsert(Collection, "up", Records.Small("up", "a"))).DefaultTimeout();
        var second = await Store.WriteAsync(Tenant, new WriteBatch().Upsert(Collection, "up", Records.Small("up", "b"))).DefaultTimeout();

        Assert.Equal([1L], first.Versions);
        Assert.Equal([2L], second.Versions);
        Assert.Equal("b", (await Store.GetAsync(Tenant, Collection, "up").DefaultTimeout())!.Parse(TestRecord.Parser).Name);
    }

    [Fact]
    public async Task Delete_ExpectedVersion_RemovesRecordAndIndexEntries()
    {
        await Store.WriteAsync(Tenant, new WriteBatch().Insert(Collection, "d", Records.Small("d"), new IndexEntry("by-agent", "agent-1", 5))).DefaultTimeout();

        var result = await Store.WriteAsync(Tenant, new WriteBatch().Delete(Collection, "d", 1)).DefaultTimeout();

        Assert.Equal([0L], result.Versions);
        Assert.Null(await Store.GetAsync(Tenant, Collection, "d").DefaultTimeout());
        var page = await Store.FindAsync(Tenant, new IndexQuery(Collection, "by-agent", "agent-1")).DefaultTimeout();
        Assert.Empty(page.Records);
        Assert.Equal(0, page.Total);
    }

    [Fact]
    public async Task Delete_StaleVersion_ThrowsAndKeepsRecord()
    {
        await Store.WriteAsync(Tenant, new WriteBatch().Insert(Collection, "d2", Records.Small("d2"))).DefaultTimeout();

        await Assert.ThrowsAsync<StoreConcurrencyException>(() => Store.WriteAsync(Tenant, new WriteBatch().Delete(Collection, "d2", 7)).DefaultTimeout());

        Assert.NotNull(await Store.GetAsync(Tenant, Collection, "d2").DefaultTimeout());
    }

    [Fact]
    public async Task Delete_MissingRecordWithoutVersion_Succeeds()
    {
        var result = await Store.WriteAsync(Tenant, new WriteBatch().Delete(Collection, "never")).DefaultTimeout();

        Assert.Equal([0L], result.Versions);
    }

    [Fact]
    public async Task WriteBatch_OneStaleUpdate_AppliesNothing()
    {
        await Store.WriteAsync(Tenant, new WriteBatch().Insert(Collection, "m1", Records.Small("m1", "g1")).Insert(Collection, "m2", Records.Small("m2", "g2"))).DefaultTimeout();

        // A merge: both records move to one group, but m2's version is stale.
        var merge = new WriteBatch()
            .Update(Collection, "m1", 1, Records.Small("m1", "merged"))
            .Update(Collection, "m2", 5, Records.Small("m2", "merged"))
            .Insert(Collection, "m3", Records.Small("m3", "merged"))
            .Append("merges", Records.Small("merge-event"));
        var error = await Assert.ThrowsAsync<StoreConcurrencyException>(() => Store.WriteAsync(Tenant, merge).DefaultTimeout());

        Assert.Equal("m2", error.Id);
        Assert.Equal("g1", (await Store.GetAsync(Tenant, Collection, "m1").DefaultTimeout())!.Parse(TestRecord.Parser).Name);
        Assert.Null(await Store.GetAsync(Tenant, Collection, "m3").DefaultTimeout());
        Assert.Empty(await Store.ReadEventsAsync(Tenant, "merges", 0, 10).DefaultTimeout());
    }

    [Fact]
    public async Task WriteBatch_ManyUpdates_AllCommitTogether()
    {
        var setup = new WriteBatch();
        for (var i = 0; i < 20; i++)
        {
            setup.Insert(Collection, $"g{i}", Records.Small($"g{i}", "old"), new IndexEntry("by-group", "old"));
        }

        await Store.WriteAsync(Tenant, setup).DefaultTimeout();
        var merge = new WriteBatch();
        for (var i = 0; i < 20; i++)
        {
            merge.Update(Collection, $"g{i}", 1, Records.Small($"g{i}", "new"), new IndexEntry("by-group", "new"));
        }

        var result = await Store.WriteAsync(Tenant, merge).DefaultTimeout();

        Assert.All(result.Versions, v => Assert.Equal(2, v));
        Assert.Equal(0, (await Store.FindAsync(Tenant, new IndexQuery(Collection, "by-group", "old")).DefaultTimeout()).Total);
        Assert.Equal(20, (await Store.FindAsync(Tenant, new IndexQuery(Collection, "by-group", "new")).DefaultTimeout()).Total);
    }

    [Fact]
    public async Task IdOrKeyWithNul_RefusedOnEveryProviderBeforeAnyWrite()
    {
        // PostgreSQL text cannot hold U+0000: such a write would fail its whole group commit there.
        Assert.Throws<ArgumentException>(() => new WriteBatch().Insert(Collection, "a\0b", Records.Small("a")));
        Assert.Throws<ArgumentException>(() => new WriteBatch().Delete(Collection, "a\0b"));
        Assert.Throws<ArgumentException>(() => new WriteBatch().Upsert(Collection, "k", Records.Small("k"), new IndexEntry("by-agent", "agent\0", 1)));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.GetAsync(Tenant, Collection, "a\0b"));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.FindAsync(Tenant, new IndexQuery(Collection, "by-agent", "agent\0")));

        var written = await Store.WriteAsync(Tenant, new WriteBatch().Insert(Collection, "a", Records.Small("a"), new IndexEntry("by-agent", "agent", 1))).DefaultTimeout();
        Assert.Equal([1L], written.Versions);
    }

    [Fact]
    public async Task WriteAsync_ConflictInSameGroupCommit_OnlyThatBatchFails()
    {
        await Store.WriteAsync(Tenant, new WriteBatch().Insert(Collection, "c", Records.Small("c"))).DefaultTimeout();
        var commitsBefore = Store.CommitCount;

        Task<WriteResult>[] writes;
        await using (await HoldWriteLockAsync())
        {
            // Queued behind the lock, these are committed together once it is released.
            writes =
            [
                Store.WriteAsync(Tenant, new WriteBatch().Insert(Collection, "ok-1", Records.Small("ok-1"))),
                Store.WriteAsync(Tenant, new WriteBatch().Update(Collection, "c", 9, Records.Small("c", "stale")).Insert(Collection, "lost", Records.Small("lost"))),
                Store.WriteAsync(Tenant, new WriteBatch().Insert(Collection, "ok-2", Records.Small("ok-2")).Append("log", Records.Small("event"))),
                Store.WriteAsync(Tenant, new WriteBatch().Update(Collection, "c", 1, Records.Small("c", "fresh"))),
            ];
        }

        await Assert.ThrowsAsync<StoreConcurrencyException>(() => writes[1].DefaultTimeout());
        await Task.WhenAll(writes[0], writes[2], writes[3]).DefaultTimeout();
        Assert.InRange(Store.CommitCount - commitsBefore, 1, 2);
        Assert.NotNull(await Store.GetAsync(Tenant, Collection, "ok-1").DefaultTimeout());
        Assert.NotNull(await Store.GetAsync(Tenant, Collection, "ok-2").DefaultTimeout());
        Assert.Null(await Store.GetAsync(Tenant, Collection, "lost").DefaultTimeout());
        Assert.Equal("fresh", (await Store.GetAsync(Tenant, Collection, "c").DefaultTimeout())!.Parse(TestRecord.Parser).Name);
        Assert.Equal([1L], (await writes[2]).Sequences);
    }

    [Fact]
    public async Task WriteAsync_SingleWritesConflictingInSameGroupCommit_OnlyThoseFail()
    {
        // One-operation batches get no savepoint: each conflicts at a statement that changed nothing.
        await Store.WriteAsync(Tenant, new WriteBatch().Insert(Collection, "c", Records.Small("c"), new IndexEntry("by-agent", "a", 1))).DefaultTimeout();
        var commitsBefore = Store.CommitCount;

        Task<WriteResult>[] writes;
        await using (await HoldWriteLockAsync())
        {
            writes =
            [
                Store.WriteAsync(Tenant, new WriteBatch().Insert(Collection, "ok-1", Records.Small("ok-1"), new IndexEntry("by-agent", "a", 2))),
                Store.WriteAsync(Tenant, new WriteBatch().Insert(Collection, "c", Records.Small("c", "duplicate"), new IndexEntry("by-agent", "b", 1))),
                Store.WriteAsync(Tenant, new WriteBatch().Update(Collection, "c", 9, Records.Small("c", "stale"), new IndexEntry("by-agent", "b", 1))),
                Store.WriteAsync(Tenant, new WriteBatch().Delete(Collection, "c", 9)),
                Store.WriteAsync(Tenant, new WriteBatch().Insert(Collection, "ok-2", Records.Small("ok-2"), new IndexEntry("by-agent", "a", 3))),
            ];
        }

        await Assert.ThrowsAsync<StoreDuplicateException>(() => writes[1].DefaultTimeout());
        await Assert.ThrowsAsync<StoreConcurrencyException>(() => writes[2].DefaultTimeout());
        await Assert.ThrowsAsync<StoreConcurrencyException>(() => writes[3].DefaultTimeout());
        await Task.WhenAll(writes[0], writes[4]).DefaultTimeout();
        Assert.InRange(Store.CommitCount - commitsBefore, 1, 2);
        var c = await Store.GetAsync(Tenant, Collection, "c").DefaultTimeout();
        Assert.Equal(("n", 1L), (c!.Parse(TestRecord.Parser).Name, c.Version));
        Assert.Equal(["ok-2", "ok-1", "c"], (await Store.FindAsync(Tenant, new IndexQuery(Collection, "by-agent", "a")).DefaultTimeout()).Records.Select(r => r.Id));
        Assert.Equal(0, (await Store.FindAsync(Tenant, new IndexQuery(Collection, "by-agent", "b")).DefaultTimeout()).Total);
    }

    [Fact]
    public async Task WriteAsync_ManyConcurrentWriters_GroupedIntoFewCommits()
    {
        var commitsBefore = Store.CommitCount;
        var writes = new List<Task<WriteResult>>();
        await using (await HoldWriteLockAsync())
        {
            for (var i = 0; i < 200; i++)
            {
                writes.Add(Store.WriteAsync(Tenant, new WriteBatch().Insert(Collection, $"w{i}", Records.Small($"w{i}"))));
            }
        }

        await Task.WhenAll(writes).DefaultTimeout();

        Assert.InRange(Store.CommitCount - commitsBefore, 1, 2);
        Assert.Equal(200, (await Store.GetManyAsync(Tenant, Collection, [.. Enumerable.Range(0, 200).Select(i => $"w{i}")]).DefaultTimeout()).Count);
    }

    [Fact]
    public async Task GetMany_MixedIds_ReturnsExistingInRequestedOrder()
    {
        await Store.WriteAsync(Tenant, new WriteBatch().Insert(Collection, "a", Records.Small("a")).Insert(Collection, "b", Records.Small("b")).Insert(Collection, "c", Records.Small("c"))).DefaultTimeout();

        var records = await Store.GetManyAsync(Tenant, Collection, ["c", "missing", "a"]).DefaultTimeout();

        Assert.Equal(["c", "a"], records.Select(r => r.Id));
    }
}
