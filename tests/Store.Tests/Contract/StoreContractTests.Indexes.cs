using JourneyGrpc.Store.Tests.Infrastructure;
using JourneyGrpc.Store.Tests.V1;

namespace JourneyGrpc.Store.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Find_ByKey_NewestFirstPagedWithTotal()
    {
        await SeedAgentEngagementsAsync();

        var first = await Store.FindAsync(Tenant, new IndexQuery(Collection, "by-agent", "agent-1") { Limit = 3 }).DefaultTimeout();
        var second = await Store.FindAsync(Tenant, new IndexQuery(Collection, "by-agent", "agent-1") { Limit = 3, Offset = 3 }).DefaultTimeout();
        var last = await Store.FindAsync(Tenant, new IndexQuery(Collection, "by-agent", "agent-1") { Limit = 3, Offset = 6 }).DefaultTimeout();

        Assert.Equal(["e7", "e6", "e5"], first.Records.Select(r => r.Id));
        Assert.Equal(["e4", "e3", "e2"], second.Records.Select(r => r.Id));
        Assert.Equal(["e1"], last.Records.Select(r => r.Id));
        Assert.All([first, second, last], page => Assert.Equal(7, page.Total));
        Assert.Equal(Records.Small("e7", "agent-1", 7000), first.Records[0].Parse(TestRecord.Parser));
    }

    [Fact]
    public async Task Find_SortRange_OnlyThatRangeAndItsTotal()
    {
        await SeedAgentEngagementsAsync();

        var page = await Store.FindAsync(Tenant, new IndexQuery(Collection, "by-agent", "agent-1") { SortFrom = 2000, SortTo = 4000 }).DefaultTimeout();

        Assert.Equal(["e4", "e3", "e2"], page.Records.Select(r => r.Id));
        Assert.Equal(3, page.Total);
    }

    [Fact]
    public async Task Find_Ascending_OldestFirstThenById()
    {
        await Store.WriteAsync(Tenant, new WriteBatch()
            .Insert(Collection, "b", Records.Small("b"), new IndexEntry("by-channel", "ch", 10))
            .Insert(Collection, "a", Records.Small("a"), new IndexEntry("by-channel", "ch", 10))
            .Insert(Collection, "z", Records.Small("z"), new IndexEntry("by-channel", "ch", 5))).DefaultTimeout();

        var ascending = await Store.FindAsync(Tenant, new IndexQuery(Collection, "by-channel", "ch") { Descending = false }).DefaultTimeout();
        var descending = await Store.FindAsync(Tenant, new IndexQuery(Collection, "by-channel", "ch")).DefaultTimeout();

        Assert.Equal(["z", "a", "b"], ascending.Records.Select(r => r.Id));
        Assert.Equal(["b", "a", "z"], descending.Records.Select(r => r.Id));
    }

    [Fact]
    public async Task Find_SeveralKeys_EachRecordOnceWithDistinctTotal()
    {
        // A journey: one engagement found through two of the group's identifiers counts once.
        await Store.WriteAsync(Tenant, new WriteBatch()
            .Insert(Collection, "x", Records.Small("x"), new IndexEntry("by-identifier", "phone:1", 100), new IndexEntry("by-identifier", "mail:a", 100))
            .Insert(Collection, "y", Records.Small("y"), new IndexEntry("by-identifier", "mail:a", 300))
            .Insert(Collection, "z", Records.Small("z"), new IndexEntry("by-identifier", "phone:2", 200))).DefaultTimeout();

        var page = await Store.FindAsync(Tenant, new IndexQuery(Collection, "by-identifier", ["phone:1", "mail:a", "unknown"])).DefaultTimeout();

        Assert.Equal(["y", "x"], page.Records.Select(r => r.Id));
        Assert.Equal(2, page.Total);
    }

    [Fact]
    public async Task Update_NewIndexEntries_ReplaceOldOnes()
    {
        await Store.WriteAsync(Tenant, new WriteBatch().Insert(Collection, "r", Records.Small("r"), new IndexEntry("by-agent", "old-agent", 1))).DefaultTimeout();

        await Store.WriteAsync(Tenant, new WriteBatch().Update(Collection, "r", 1, Records.Small("r"), new IndexEntry("by-agent", "new-agent", 2))).DefaultTimeout();

        Assert.Equal(0, (await Store.FindAsync(Tenant, new IndexQuery(Collection, "by-agent", "old-agent")).DefaultTimeout()).Total);
        Assert.Equal(["r"], (await Store.FindAsync(Tenant, new IndexQuery(Collection, "by-agent", "new-agent")).DefaultTimeout()).Records.Select(r => r.Id));
    }

    [Fact]
    public async Task Update_KeysNeedingEscapesAndExtremeSorts_OldEntriesRemovedExactly()
    {
        string[] keys = ["quote \" and backslash \\", "tab\tnewline\ncontrol\u0001", "ünïcødé ☎ 😀", "[1,\"x\"]", string.Empty];
        var batch = new WriteBatch();
        var entries = keys.Select((key, i) => new IndexEntry("by-key", key, i switch { 0 => long.MinValue, 1 => long.MaxValue, _ => -i })).ToArray();
        batch.Insert(Collection, "escaped", Records.Small("escaped"), entries);
        batch.Insert(Collection, "neighbour", Records.Small("neighbour"), [.. keys.Select(key => new IndexEntry("by-key", key, 0))]);
        await Store.WriteAsync(Tenant, batch).DefaultTimeout();

        foreach (var key in keys)
        {
            Assert.Equal(["escaped", "neighbour"], (await Store.FindAsync(Tenant, new IndexQuery(Collection, "by-key", key)).DefaultTimeout()).Records.Select(r => r.Id).Order());
        }

        await Store.WriteAsync(Tenant, new WriteBatch().Update(Collection, "escaped", 1, Records.Small("escaped"), entries[0] with { Sort = 5 })).DefaultTimeout();

        Assert.Equal(["escaped", "neighbour"], (await Store.FindAsync(Tenant, new IndexQuery(Collection, "by-key", keys[0])).DefaultTimeout()).Records.Select(r => r.Id));
        foreach (var key in keys[1..])
        {
            Assert.Equal(["neighbour"], (await Store.FindAsync(Tenant, new IndexQuery(Collection, "by-key", key)).DefaultTimeout()).Records.Select(r => r.Id));
        }
    }

    [Fact]
    public async Task Update_StaleVersion_KeepsIndexEntries()
    {
        await Store.WriteAsync(Tenant, new WriteBatch().Insert(Collection, "r", Records.Small("r"), new IndexEntry("by-agent", "agent-1", 1))).DefaultTimeout();

        await Assert.ThrowsAsync<StoreConcurrencyException>(() =>
            Store.WriteAsync(Tenant, new WriteBatch().Update(Collection, "r", 7, Records.Small("r"), new IndexEntry("by-agent", "agent-2", 1))).DefaultTimeout());
        await Assert.ThrowsAsync<StoreConcurrencyException>(() => Store.WriteAsync(Tenant, new WriteBatch().Delete(Collection, "r", 7)).DefaultTimeout());

        Assert.Equal(["r"], (await Store.FindAsync(Tenant, new IndexQuery(Collection, "by-agent", "agent-1")).DefaultTimeout()).Records.Select(r => r.Id));
        Assert.Equal(0, (await Store.FindAsync(Tenant, new IndexQuery(Collection, "by-agent", "agent-2")).DefaultTimeout()).Total);
    }

    [Fact]
    public async Task UniqueIndex_KeyHeldByOtherRecord_ThrowsDuplicateNamingHolder()
    {
        await Store.WriteAsync(Tenant, new WriteBatch().Insert("identifier-types", "t1", Records.Small("t1", "phone"), IndexEntry.Unique("by-name", "phone"))).DefaultTimeout();

        var error = await Assert.ThrowsAsync<StoreDuplicateException>(() =>
            Store.WriteAsync(Tenant, new WriteBatch().Insert("identifier-types", "t2", Records.Small("t2", "phone"), IndexEntry.Unique("by-name", "phone"))).DefaultTimeout());

        Assert.Equal("Record identifier-types/t2 cannot take 'phone' in unique index by-name: record identifier-types/t1 holds it.", error.Message);
        Assert.Equal(("by-name", "phone", "t1"), (error.Index, error.Key, error.ExistingId));
        Assert.Null(await Store.GetAsync(Tenant, "identifier-types", "t2").DefaultTimeout());
    }

    [Fact]
    public async Task UniqueIndex_RewriteSameRecordThenDelete_FreesKey()
    {
        await Store.WriteAsync(Tenant, new WriteBatch().Insert("identifier-types", "t1", Records.Small("t1"), IndexEntry.Unique("by-name", "email"))).DefaultTimeout();
        await Store.WriteAsync(Tenant, new WriteBatch().Update("identifier-types", "t1", 1, Records.Small("t1", "renamed"), IndexEntry.Unique("by-name", "email"))).DefaultTimeout();
        await Store.WriteAsync(Tenant, new WriteBatch().Delete("identifier-types", "t1")).DefaultTimeout();

        var result = await Store.WriteAsync(Tenant, new WriteBatch().Insert("identifier-types", "t2", Records.Small("t2"), IndexEntry.Unique("by-name", "email"))).DefaultTimeout();

        Assert.Equal([1L], result.Versions);
        Assert.Equal(["t2"], (await Store.FindAsync(Tenant, new IndexQuery("identifier-types", "by-name", "email")).DefaultTimeout()).Records.Select(r => r.Id));
    }

    [Fact]
    public async Task Tenancy_OtherTenant_CannotSeeOrChangeRecords()
    {
        await Store.WriteAsync(Tenant, new WriteBatch()
            .Insert(Collection, "shared-id", Records.Small("shared-id", "mine"), new IndexEntry("by-agent", "agent-1", 1))
            .Insert("identifier-types", "type", Records.Small("type"), IndexEntry.Unique("by-name", "phone"))
            .Append("campaign", Records.Small("mine"))).DefaultTimeout();

        Assert.Null(await Store.GetAsync(OtherTenant, Collection, "shared-id").DefaultTimeout());
        Assert.Empty(await Store.GetManyAsync(OtherTenant, Collection, ["shared-id"]).DefaultTimeout());
        Assert.Equal(0, (await Store.FindAsync(OtherTenant, new IndexQuery(Collection, "by-agent", "agent-1")).DefaultTimeout()).Total);
        Assert.Empty(await Store.ReadEventsAsync(OtherTenant, "campaign", 0, 10).DefaultTimeout());
        await Assert.ThrowsAsync<StoreConcurrencyException>(() => Store.WriteAsync(OtherTenant, new WriteBatch().Update(Collection, "shared-id", 1, Records.Small("shared-id", "theirs"))).DefaultTimeout());
        await Store.WriteAsync(OtherTenant, new WriteBatch()
            .Delete(Collection, "shared-id")
            .Insert(Collection, "shared-id", Records.Small("shared-id", "theirs"), new IndexEntry("by-agent", "agent-1", 2))
            .Insert("identifier-types", "type", Records.Small("type"), IndexEntry.Unique("by-name", "phone"))
            .Append("campaign", Records.Small("theirs"))).DefaultTimeout();

        var mine = await Store.GetAsync(Tenant, Collection, "shared-id").DefaultTimeout();
        Assert.Equal(("mine", 1L), (mine!.Parse(TestRecord.Parser).Name, mine.Version));
        Assert.Equal(["mine"], (await Store.FindAsync(Tenant, new IndexQuery(Collection, "by-agent", "agent-1")).DefaultTimeout()).Records.Select(r => r.Parse(TestRecord.Parser).Name));
        Assert.Equal([1L], (await Store.ReadEventsAsync(Tenant, "campaign", 0, 10).DefaultTimeout()).Select(e => e.Sequence));
        Assert.Equal("theirs", (await Store.ReadEventsAsync(OtherTenant, "campaign", 0, 10).DefaultTimeout()).Single().Parse(TestRecord.Parser).Id);
    }

    private Task SeedAgentEngagementsAsync()
    {
        var batch = new WriteBatch();
        foreach (var i in new[] { 3, 1, 7, 5, 2, 6, 4 })
        {
            batch.Insert(Collection, $"e{i}", Records.Small($"e{i}", "agent-1", i * 1000), new IndexEntry("by-agent", "agent-1", i * 1000));
        }

        batch.Insert(Collection, "other", Records.Small("other", "agent-2", 9000), new IndexEntry("by-agent", "agent-2", 9000));
        return Store.WriteAsync(Tenant, batch).DefaultTimeout();
    }
}
