using JourneyGrpc.Campaign.V1;
using JourneyGrpc.Server.Tests.Campaign.Infrastructure;
using JourneyGrpc.Store.Tests.Infrastructure;

namespace JourneyGrpc.Server.Tests.Campaign.Functional;

/// <summary>
/// Two server replicas on one throwaway PostgreSQL database: events posted to either replica reach a
/// subscriber on the other live (woken by the store's LISTEN/NOTIFY), in one gapless sequence.
/// </summary>
public sealed class TwoReplicaTests : IAsyncLifetime
{
    private const int EventsPerReplica = 300;
    private PostgresCluster? _cluster;
    private CampaignTestHost? _first;
    private CampaignTestHost? _second;

    public async Task InitializeAsync()
    {
        _cluster = await PostgresCluster.StartAsync().Bounded(TimeSpan.FromMinutes(2));
        var settings = new Dictionary<string, string?>
        {
            ["Store:Provider"] = "postgres",
            ["Store:PostgresConnectionString"] = await _cluster.CreateDatabaseAsync("campaign_replicas").Bounded(),
        };
        _first = await CampaignTestHost.StartAsync(settings);
        _second = await CampaignTestHost.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await (_first?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (_second?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (_cluster?.DisposeAsync() ?? ValueTask.CompletedTask);
    }

    [Fact]
    public async Task Watch_EventsPostedToBothReplicas_EachSubscriberGetsAllOnceInOneSequence()
    {
        using var onFirst = WatchReader.Start(_first!.Client, new WatchCampaignStatusRequest { Tenant = Notifications.Tenant, AfterSequence = 0 });
        using var onSecond = WatchReader.Start(_second!.Client, new WatchCampaignStatusRequest { Tenant = Notifications.Tenant, AfterSequence = 0 });

        var posted = await Task.WhenAll(PostAsync(_first, "first"), PostAsync(_second, "second")).Bounded(TimeSpan.FromMinutes(2));
        var throughFirst = await ReadAsync(onFirst, 2 * EventsPerReplica);
        var throughSecond = await ReadAsync(onSecond, 2 * EventsPerReplica);

        var expected = Enumerable.Range(1, 2 * EventsPerReplica).Select(i => (long)i);
        Assert.Equal(expected, posted.SelectMany(p => p).Select(e => e.Sequence).Order());
        Assert.Equal(expected, throughFirst.Select(e => e.Sequence));
        Assert.Equal(throughFirst, throughSecond);
    }

    [Fact]
    public async Task Watch_LiveOnSecond_EventPostedToFirstArrivesWithoutPolling()
    {
        using var watch = WatchReader.Start(_second!.Client, new WatchCampaignStatusRequest { Tenant = Notifications.Tenant, AfterSequence = 0 });
        for (var i = 0; i < 5; i++)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var recorded = await _first!.ReportAsync(Notifications.Of(i == 0 ? Notifications.Load : null, unixMs: 1_000 + i));
            var streamed = await watch.NextEventAsync();

            Assert.Equal(recorded, streamed);

            // The store's poll fallback is 5 s: well under it means NOTIFY woke the other replica.
            Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(2));
        }
    }

    private static async Task<List<CampaignStatusEvent>> PostAsync(CampaignTestHost host, string replica)
    {
        var events = new List<CampaignStatusEvent>(EventsPerReplica);
        for (var i = 0; i < EventsPerReplica; i += 10)
        {
            var batch = Enumerable.Range(i, 10).Select(n => host.ReportAsync(Notifications.Of(null, guid: $"{replica}-{n % 7}", unixMs: 1_763_726_400_000 + n)));
            events.AddRange(await Task.WhenAll(batch));
        }

        return events;
    }

    private static async Task<List<CampaignStatusEvent>> ReadAsync(WatchReader watch, int count)
    {
        var events = new List<CampaignStatusEvent>(count);
        while (events.Count < count)
        {
            events.Add(await watch.NextEventAsync());
        }

        return events;
    }
}
