using Grpc.Core;
using JourneyGrpc.Campaign.V1;
using JourneyGrpc.Server.Tests.Campaign.Infrastructure;

namespace JourneyGrpc.Server.Tests.Campaign.Functional;

/// <summary>A subscriber killed mid-stream and resumed from its last sequence gets every event exactly once.</summary>
public sealed class WatchResumeTests : IAsyncLifetime
{
    private const int Posters = 8;
    private const int EventsPerPoster = 1_500;
    private const int Total = Posters * EventsPerPoster;

    private CampaignTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CampaignTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Watch_KilledTwiceWhilePostingAndResumed_EveryOneOf12000EventsExactlyOnce()
    {
        var posting = Task.WhenAll(Enumerable.Range(0, Posters).Select(PostAsync));
        var received = new List<CampaignStatusEvent>(Total);
        long? resumeAfter = 0;

        // Killed after 3,000 and after 7,000 events (cancelled while events keep coming), resumed each time.
        foreach (var killAt in new[] { 3_000, 7_000, Total })
        {
            using var watch = WatchReader.Start(_host.Client, new WatchCampaignStatusRequest { Tenant = Notifications.Tenant, AfterSequence = resumeAfter.Value });
            while (received.Count < killAt)
            {
                var message = await watch.NextAsync();
                if (message.Event is { } recorded)
                {
                    received.Add(recorded);
                }

                resumeAfter = message.ResumeAfterSequence;
            }

            watch.Kill();
        }

        var posted = await posting.Bounded(TimeSpan.FromMinutes(2));

        Assert.Equal(Enumerable.Range(1, Total).Select(i => (long)i), received.Select(e => e.Sequence));
        var bySequence = posted.SelectMany(p => p).ToDictionary(e => e.Sequence);
        Assert.Equal(Total, bySequence.Count);
        Assert.All(received, e => Assert.Equal(bySequence[e.Sequence], e));
    }

    private async Task<List<CampaignStatusEvent>> PostAsync(int poster)
    {
        var events = new List<CampaignStatusEvent>(EventsPerPoster);
        for (var i = 0; i < EventsPerPoster; i++)
        {
            var notification = Notifications.Of(i == 0 ? Notifications.Load : null, guid: $"group-{poster}", unixMs: 1_763_726_400_000 + i);
            notification.AdditionalKeys = new Google.Protobuf.WellKnownTypes.Struct { Fields = { ["n"] = Google.Protobuf.WellKnownTypes.Value.ForNumber(i) } };
            events.Add(await _host.ReportAsync(notification));
        }

        return events;
    }
}
