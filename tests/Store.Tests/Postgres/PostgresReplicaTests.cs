using System.Diagnostics;
using JourneyGrpc.Store.Tests.Infrastructure;
using JourneyGrpc.Store.Tests.V1;
using Xunit.Abstractions;

namespace JourneyGrpc.Store.Tests.Postgres;

/// <summary>Two stores on one database, as two server replicas would be (the multi-process version is in Process/).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresReplicaTests(PostgresFixture postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Tenant = "tenant";
    private JourneyStore? _first;
    private JourneyStore? _second;

    private JourneyStore First => _first!;

    private JourneyStore Second => _second!;

    public async Task InitializeAsync()
    {
        var options = new JourneyStoreOptions { Provider = "postgres", PostgresConnectionString = await postgres.CreateDatabaseAsync("replicas").DefaultTimeout() };
        var opening = new[] { JourneyStore.OpenAsync(options), JourneyStore.OpenAsync(options) };
        var stores = await Task.WhenAll(opening).DefaultTimeout();
        (_first, _second) = (stores[0], stores[1]);
    }

    public async Task DisposeAsync()
    {
        await (_first?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (_second?.DisposeAsync() ?? ValueTask.CompletedTask);
    }

    [Fact]
    public async Task WaitForEvents_AppendThroughOtherStore_WakesViaNotify()
    {
        for (var sequence = 1; sequence <= 5; sequence++)
        {
            var wait = Second.WaitForEventsAsync(Tenant, "ocs", sequence - 1);
            var started = Stopwatch.GetTimestamp();

            await First.WriteAsync(Tenant, new WriteBatch().Append("ocs", Records.Small($"{sequence}"))).DefaultTimeout();
            await wait.DefaultTimeout();

            var latency = Stopwatch.GetElapsedTime(started);
            output.WriteLine($"append {sequence} through one store woke a waiter on the other after {latency.TotalMilliseconds:F1} ms");
            Assert.True(latency < TimeSpan.FromSeconds(2), $"woken after {latency} (the poll fallback is 5 s)");
        }
    }

    [Fact]
    public async Task Update_SameVersionFromBothStores_ExactlyOneWins()
    {
        await First.WriteAsync(Tenant, new WriteBatch().Insert("c", "r", Records.Small("r"))).DefaultTimeout();

        var results = await Task.WhenAll(
            Capture(First.WriteAsync(Tenant, new WriteBatch().Update("c", "r", 1, Records.Small("r", "first")))),
            Capture(Second.WriteAsync(Tenant, new WriteBatch().Update("c", "r", 1, Records.Small("r", "second"))))).DefaultTimeout();

        Assert.Single(results, r => r is null);
        Assert.IsType<StoreConcurrencyException>(Assert.Single(results, r => r is not null));
        Assert.Equal(2, (await Second.GetAsync(Tenant, "c", "r").DefaultTimeout())!.Version);
    }

    [Fact]
    public async Task Append_BothStoresConcurrently_SequencesGaplessAndEachEventOnce()
    {
        var appends = new List<Task<WriteResult>>();
        for (var i = 0; i < 200; i++)
        {
            appends.Add(First.WriteAsync(Tenant, new WriteBatch().Append("shared", Records.Small($"first-{i}"))));
            appends.Add(Second.WriteAsync(Tenant, new WriteBatch().Append("shared", Records.Small($"second-{i}"))));
        }

        var results = await Task.WhenAll(appends).DefaultTimeout();
        var events = await First.ReadEventsAsync(Tenant, "shared", 0, 1000).DefaultTimeout();

        Assert.Equal(Enumerable.Range(1, 400).Select(i => (long)i), results.Select(r => r.Sequences[0]).Order());
        Assert.Equal(Enumerable.Range(1, 400).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal(400, events.Select(e => e.Parse(TestRecord.Parser).Id).Distinct().Count());
    }

    private static async Task<Exception?> Capture(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (StoreException ex)
        {
            return ex;
        }
    }
}
