using System.Globalization;
using System.Text.RegularExpressions;
using Google.Rpc;
using Grpc.Core;
using JourneyGrpc.Campaign.V1;
using JourneyGrpc.Server.Tests.Campaign.Infrastructure;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Server.Tests.Campaign.Functional;

/// <summary>
/// A subscriber that stops reading: HTTP/2 flow control stalls the server's writes, its 16-event
/// queue fills, and it leaves the live feed for the log.
/// </summary>
public sealed class WatchBackpressureTests
{
    private const int Events = 3_000;
    private static readonly EventId FellBehind = new(4006, "WatchFellBehind");

    [Fact]
    public async Task Watch_SubscriberNotReading_FallsBackToLogThenGetsEveryEventOnce()
    {
        await using var host = await CampaignTestHost.StartAsync(new Dictionary<string, string?> { ["CampaignStatus:WatchBufferSize"] = "16" });
        using var watch = WatchReader.Start(host.Client, new WatchCampaignStatusRequest { Tenant = Notifications.Tenant, AfterSequence = 0 });
        await host.ReportAsync(Notifications.Of(Notifications.Load));
        Assert.Equal(1, (await watch.NextEventAsync()).Sequence);

        await PostAsync(host, Events - 1);
        var received = new List<long> { 1 };
        while (received.Count < Events)
        {
            received.Add((await watch.NextEventAsync()).Sequence);
        }

        Assert.Equal(Enumerable.Range(1, Events).Select(i => (long)i), received);
        Assert.Contains(FellBehind, host.Logs.Events);
    }

    [Fact]
    public async Task Watch_TooFarBehind_ResourceExhaustedWithResumePointThenResumeGetsTheRest()
    {
        await using var host = await CampaignTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["CampaignStatus:WatchBufferSize"] = "16",
            ["CampaignStatus:MaxWatchLagEvents"] = "100",
        });
        using var slow = WatchReader.Start(host.Client, new WatchCampaignStatusRequest { Tenant = Notifications.Tenant, AfterSequence = 0 });
        await host.ReportAsync(Notifications.Of(Notifications.Load));
        Assert.Equal(1, (await slow.NextEventAsync()).Sequence);
        await PostAsync(host, Events - 1);

        var (before, error) = await slow.ReadUntilErrorAsync();

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        var info = error.GetRpcStatus()!.Details.Single().Unpack<ErrorInfo>();
        Assert.Equal(("WATCH_TOO_FAR_BEHIND", "journeygrpc.campaign.v1"), (info.Reason, info.Domain));
        var resumeAfter = long.Parse(info.Metadata["resume_after_sequence"], CultureInfo.InvariantCulture);
        Assert.Equal(1 + before.Count, resumeAfter);

        // The newest event when the server checked: posting may still have been under way then.
        var detail = Regex.Match(error.Status.Detail, @"^The watch is too far behind: (\d+) events behind the newest \((\d+)\), more than the 100 allowed; resume with after_sequence (\d+)\.$");
        Assert.True(detail.Success, error.Status.Detail);
        var (behind, newest) = (long.Parse(detail.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(detail.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.Equal((newest - resumeAfter, resumeAfter.ToString(CultureInfo.InvariantCulture)), (behind, detail.Groups[3].Value));
        Assert.InRange(behind, 101, Events - resumeAfter);

        using var resumed = WatchReader.Start(host.Client, new WatchCampaignStatusRequest { Tenant = Notifications.Tenant, AfterSequence = resumeAfter });
        var rest = new List<long>();
        while (rest.Count < Events - resumeAfter)
        {
            rest.Add((await resumed.NextEventAsync()).Sequence);
        }

        Assert.Equal(Enumerable.Range(1, Events).Select(i => (long)i), before.Select(e => e.Sequence).Prepend(1).Concat(rest));
    }

    private static async Task PostAsync(CampaignTestHost host, int count)
    {
        for (var i = 0; i < count; i += 100)
        {
            await Task.WhenAll(Enumerable.Range(i, Math.Min(100, count - i)).Select(n =>
            {
                var notification = Notifications.Statistics(unixMs: 1_763_726_500_000 + n);
                return host.ReportAsync(notification);
            }));
        }
    }
}
