using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Google.Protobuf;
using JourneyGrpc.Server.Tests.Campaign.Infrastructure;
using Xunit.Abstractions;

namespace JourneyGrpc.Server.Tests.Cluster;

/// <summary>
/// Issue 16, scale-out shown: three replicas on one PostgreSQL behind the standalone gateway. Journey
/// creates and searches and OCS campaign-group reports go through the gateway while server-sent-event
/// watches are open; one replica (the one holding a watch) is SIGKILLed mid-run. Clients that retry the
/// same request on 502/503/504 lose no acknowledged write, and every watch, resumed with Last-Event-ID
/// on another replica, sees the log with no gap and no repeat, every acknowledged report included.
/// </summary>
public sealed class ClusterFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Account = "CLUSTR";
    private const int Customers = 5;
    private const int CreatesPerPhase = 60;
    private const int ReportsPerPhase = 30;
    private static readonly TimeSpan RunBound = TimeSpan.FromMinutes(3);
    private LocalCluster? _cluster;

    public async Task InitializeAsync() => _cluster = await LocalCluster.StartAsync(replicas: 3);

    public async Task DisposeAsync() => await (_cluster?.DisposeAsync() ?? ValueTask.CompletedTask);

    [Fact]
    public async Task Run_OneReplicaKilledMidRun_NoAcknowledgedWriteLostAndWatchesResumeWithoutGap()
    {
        var cluster = _cluster!;
        var rest = new RetryingRest(cluster.Gateway);

        // The first watch's replica is the one to kill, so at least one watch must resume elsewhere.
        var victimCalled = cluster.FirstReplicaCalledAsync("CampaignStatusService/WatchCampaignStatus");
        using var killedWatch = ResumingWatch.Start(cluster.Gateway, Notifications.Tenant);
        var victim = await victimCalled;
        using var otherWatch = ResumingWatch.Start(cluster.Gateway, Notifications.Tenant);

        var creates = new ConcurrentQueue<(string Id, int Customer)>();
        var reports = new ConcurrentQueue<long>();
        var searches = 0;
        using var run = new CancellationTokenSource(RunBound);
        using var stopWriting = CancellationTokenSource.CreateLinkedTokenSource(run.Token);
        var killPoint = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var endPoint = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int createsAtKill = int.MaxValue, reportsAtKill = int.MaxValue;
        void Progress()
        {
            if (creates.Count >= CreatesPerPhase && reports.Count >= ReportsPerPhase)
            {
                killPoint.TrySetResult();
            }

            // long: before the kill the marks are int.MaxValue, which must not wrap round.
            if (creates.Count >= (long)Volatile.Read(ref createsAtKill) + CreatesPerPhase && reports.Count >= (long)Volatile.Read(ref reportsAtKill) + ReportsPerPhase)
            {
                endPoint.TrySetResult();
            }
        }

        // A writer that fails stops the others, so the run ends at once with its assertion.
        Task Writer(Func<Task> body) => Task.Run(async () =>
        {
            try
            {
                await body();
            }
            catch
            {
                await stopWriting.CancelAsync();
                throw;
            }
        });

        var writers = Enumerable.Range(0, 4).Select(w => Writer(async () =>
        {
            for (var i = 0; !stopWriting.IsCancellationRequested; i++)
            {
                var id = Guid.NewGuid().ToString();
                var customer = (w + i) % Customers;
                var (status, body) = await rest.PostJsonAsync($"/api/journey/v1/accounts/{Account}/engagements", Engagement(id, customer, i), run.Token);
                Assert.True(status == HttpStatusCode.Accepted, $"create {id}: {(int)status} {body}");
                creates.Enqueue((id, customer));
                Progress();
            }
        })).ToList();
        writers.Add(Writer(async () =>
        {
            for (var i = 0; !stopWriting.IsCancellationRequested; i++)
            {
                var notification = JsonFormatter.Default.Format(Notifications.Of(i == 0 ? Notifications.Load : null, unixMs: 1_763_726_400_000 + i));
                var (status, body) = await rest.PostJsonAsync("/ocs/campaigngroup-states", notification, run.Token);
                Assert.True(status == HttpStatusCode.OK, $"report {i}: {(int)status} {body}");
                using var recorded = JsonDocument.Parse(body);
                reports.Enqueue(recorded.RootElement.GetProperty("event").GetProperty("sequence").GetInt64());
                Progress();
            }
        }));
        writers.Add(Writer(async () =>
        {
            for (var i = 0; !stopWriting.IsCancellationRequested; i++)
            {
                var (status, body) = await rest.PostJsonAsync($"/api/journey/v1/accounts/{Account}/journeys:search", Search(i % Customers), run.Token);
                Assert.True(status is HttpStatusCode.OK or HttpStatusCode.NotFound, $"search: {(int)status} {body}");
                Interlocked.Increment(ref searches);
            }
        }));

        var writing = Task.WhenAll(writers);
        await Task.WhenAny(killPoint.Task, writing).WaitAsync(RunBound);
        await RethrowIfFailedAsync(writing);
        Assert.True(killPoint.Task.IsCompleted, "the writers stopped before the kill point");
        Volatile.Write(ref createsAtKill, creates.Count);
        Volatile.Write(ref reportsAtKill, reports.Count);
        await cluster.Replicas[victim].KillAsync();
        await Task.WhenAny(endPoint.Task, writing).WaitAsync(RunBound);
        await RethrowIfFailedAsync(writing);
        Assert.True(endPoint.Task.IsCompleted, "the writers stopped before the end point");
        await stopWriting.CancelAsync();
        await writing.WaitAsync(RunBound);

        // Every acknowledged create is there, through the replicas left.
        foreach (var (id, _) in creates)
        {
            var (status, body) = await rest.GetAsync($"/api/journey/v1/accounts/{Account}/engagements/{id}", run.Token);
            Assert.True(status == HttpStatusCode.OK, $"acknowledged engagement {id} not found: {(int)status} {body}");
        }

        // And search finds at least every acknowledged engagement of each customer.
        foreach (var customer in Enumerable.Range(0, Customers))
        {
            var (status, body) = await rest.PostJsonAsync($"/api/journey/v1/accounts/{Account}/journeys:search", Search(customer), run.Token);
            Assert.Equal(HttpStatusCode.OK, status);
            using var found = JsonDocument.Parse(body);
            Assert.InRange(found.RootElement.GetProperty("pagination").GetProperty("total").GetInt32(), creates.Count(c => c.Customer == customer), int.MaxValue);
        }

        // Every watch saw the whole log, 1..head in order (no gap, no repeat), acknowledged reports included.
        var acknowledged = reports.Order().ToList();
        var lastAcknowledged = acknowledged[^1];
        foreach (var watch in new[] { killedWatch, otherWatch })
        {
            await watch.ReachedAsync(lastAcknowledged).WaitAsync(HostProcess.Timeout);
            var seen = watch.Sequences;
            Assert.Equal(Enumerable.Range(1, seen.Count).Select(i => (long)i), seen);
            Assert.Empty(acknowledged.Except(seen));
        }

        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"3 replicas on PostgreSQL behind the gateway, replica {victim + 1} SIGKILLed after {createsAtKill} creates and {reportsAtKill} reports: {creates.Count} creates and {reports.Count} reports acknowledged, all found; {searches} searches; {rest.Retries} retries on 502/503/504; watch on the killed replica reconnected {killedWatch.Reconnects}x, other watch {otherWatch.Reconnects}x, both saw sequences 1..{killedWatch.Sequences.Count} with no gap");
        output.WriteLine(summary);
        Assert.True(killedWatch.Reconnects >= 1, "the watch on the killed replica never had to resume: " + summary);
    }

    private static async Task RethrowIfFailedAsync(Task writing)
    {
        if (writing.IsFaulted)
        {
            await writing;
        }
    }

    private static string Engagement(string id, int customer, int index) => string.Create(
        CultureInfo.InvariantCulture,
        $$$"""{"id":"{{{id}}}","startDate":"2026-01-01T00:{{{index / 60 % 60:D2}}}:{{{index % 60:D2}}}Z","identifiers":{"emailAddresses":["customer-{{{customer}}}@example.org"]},"data":{"referenceNumber":"ref-{{{id}}}"}}""");

    private static string Search(int customer) => string.Create(
        CultureInfo.InvariantCulture, $$$"""{"identifiers":{"emailAddresses":["customer-{{{customer}}}@example.org"]}}""");
}
