using JourneyGrpc.Store.Tests.Infrastructure;
using JourneyGrpc.Store.Tests.V1;

namespace JourneyGrpc.Store.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Append_SeveralBatches_SequencesFromOneWithoutGaps()
    {
        var first = await Store.WriteAsync(Tenant, new WriteBatch().Append("ocs", Records.Small("1")).Append("ocs", Records.Small("2"))).DefaultTimeout();
        var second = await Store.WriteAsync(Tenant, new WriteBatch().Append("ocs", Records.Small("3")).Append("other-log", Records.Small("x"))).DefaultTimeout();

        Assert.Equal([1L, 2L], first.Sequences);
        Assert.Equal([3L, 1L], second.Sequences);
        var events = await Store.ReadEventsAsync(Tenant, "ocs", 0, 100).DefaultTimeout();
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Sequence));
        Assert.Equal(["1", "2", "3"], events.Select(e => e.Parse(TestRecord.Parser).Id));
    }

    [Fact]
    public async Task ReadEvents_AfterSequenceWithLimit_ResumesInOrder()
    {
        var batch = new WriteBatch();
        for (var i = 1; i <= 10; i++)
        {
            batch.Append("ocs", Records.Small(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        await Store.WriteAsync(Tenant, batch).DefaultTimeout();

        var page = await Store.ReadEventsAsync(Tenant, "ocs", 4, 3).DefaultTimeout();
        var rest = await Store.ReadEventsAsync(Tenant, "ocs", page[^1].Sequence, 100).DefaultTimeout();

        Assert.Equal([5L, 6L, 7L], page.Select(e => e.Sequence));
        Assert.Equal([8L, 9L, 10L], rest.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Append_InFailedBatch_LeavesNoGap()
    {
        await Store.WriteAsync(Tenant, new WriteBatch().Append("ocs", Records.Small("1"))).DefaultTimeout();

        await Assert.ThrowsAsync<StoreConcurrencyException>(() => Store.WriteAsync(Tenant, new WriteBatch().Append("ocs", Records.Small("lost")).Update(Collection, "missing", 1, Records.Small("missing"))).DefaultTimeout());
        var next = await Store.WriteAsync(Tenant, new WriteBatch().Append("ocs", Records.Small("2"))).DefaultTimeout();

        Assert.Equal([2L], next.Sequences);
        Assert.Equal(["1", "2"], (await Store.ReadEventsAsync(Tenant, "ocs", 0, 10).DefaultTimeout()).Select(e => e.Parse(TestRecord.Parser).Id));
    }

    [Fact]
    public async Task Append_WithLatestStateRecord_BothCommitted()
    {
        // OCS: the event log plus the latest state of the campaign group, in one batch.
        var result = await Store.WriteAsync(Tenant, new WriteBatch()
            .Append("campaign-group/g1", Records.Small("started"))
            .Upsert("campaign-group-state", "g1", Records.Small("g1", "started"))).DefaultTimeout();

        Assert.Equal([1L], result.Sequences);
        Assert.Equal([1L], result.Versions);
        Assert.Equal("started", (await Store.GetAsync(Tenant, "campaign-group-state", "g1").DefaultTimeout())!.Parse(TestRecord.Parser).Name);
    }

    [Fact]
    public async Task WaitForEvents_EventAlreadyThere_CompletesAtOnce()
    {
        await Store.WriteAsync(Tenant, new WriteBatch().Append("ocs", Records.Small("1"))).DefaultTimeout();

        await Store.WaitForEventsAsync(Tenant, "ocs", 0).DefaultTimeout();
    }

    [Fact]
    public async Task WaitForEvents_AppendAfterWaitBegins_Completes()
    {
        await Store.WriteAsync(Tenant, new WriteBatch().Append("ocs", Records.Small("1"))).DefaultTimeout();
        var wait = Store.WaitForEventsAsync(Tenant, "ocs", 1);
        Assert.False(wait.IsCompleted);

        await Store.WriteAsync(Tenant, new WriteBatch().Append("ocs", Records.Small("2"))).DefaultTimeout();

        await wait.DefaultTimeout();
    }

    [Fact]
    public async Task WaitForEvents_Cancelled_ThrowsOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        var wait = Store.WaitForEventsAsync(Tenant, "quiet", 0, cancellation.Token);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.DefaultTimeout());
    }

    [Fact]
    public async Task TailEvents_ExistingThenLive_EveryEventOnceInOrder()
    {
        await Store.WriteAsync(Tenant, new WriteBatch().Append("ocs", Records.Small("1")).Append("ocs", Records.Small("2"))).DefaultTimeout();
        using var cancellation = new CancellationTokenSource();
        var seen = new List<long>();
        var tail = Task.Run(async () =>
        {
            await foreach (var stored in Store.TailEventsAsync(Tenant, "ocs", 0, pageSize: 2, cancellationToken: cancellation.Token))
            {
                seen.Add(stored.Sequence);
                if (stored.Sequence == 5)
                {
                    return;
                }
            }
        });

        await Store.WriteAsync(Tenant, new WriteBatch().Append("ocs", Records.Small("3"))).DefaultTimeout();
        await Store.WriteAsync(Tenant, new WriteBatch().Append("ocs", Records.Small("4")).Append("ocs", Records.Small("5"))).DefaultTimeout();
        await tail.DefaultTimeout();

        Assert.Equal([1L, 2L, 3L, 4L, 5L], seen);
    }
}
