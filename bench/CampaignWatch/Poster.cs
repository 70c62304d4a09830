using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using JourneyGrpc.Campaign.V1;

namespace JourneyGrpc.Bench.CampaignWatch;

/// <summary>
/// Posts periodic-statistics notifications at a fixed rate (a batch every 10 ms), spread over several
/// connections, each stamped with its send time (Stopwatch ticks) under key <c>bench_sent</c>.
/// </summary>
internal sealed class Poster(IReadOnlyList<CampaignStatusService.CampaignStatusServiceClient> clients, string tenant)
{
    internal const string SentKey = "bench_sent";
    private const int Groups = 20;
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    internal long Posted { get; private set; }

    internal long Failed { get; private set; }

    internal long LastSequence { get; private set; }

    internal string? FirstError { get; private set; }

    internal LatencyHistogram ReportLatency { get; } = new();

    /// <summary>Posts one load per group and returns the last sequence (the subscribers' starting point).</summary>
    internal async Task<long> LoadGroupsAsync()
    {
        long sequence = 0;
        for (var g = 0; g < Groups; g++)
        {
            var notification = Notification(g, 0);
            notification.GswCampaignGroupAction = 7;
            sequence = (await clients[0].ReportCampaignGroupStateAsync(new ReportCampaignGroupStateRequest { Notification = notification })).Event.Sequence;
        }

        return sequence;
    }

    internal async Task RunAsync(int rate, TimeSpan duration)
    {
        var started = Stopwatch.GetTimestamp();
        var inFlight = new List<Task>();
        long n = 0;
        using var timer = new PeriodicTimer(Tick);
        while (Stopwatch.GetElapsedTime(started) < duration && await timer.WaitForNextTickAsync())
        {
            // Catch up on ticks the timer skipped, so the rate holds over the run.
            var due = Stopwatch.GetElapsedTime(started).TotalSeconds * rate;
            while (n < due)
            {
                inFlight.Add(PostOneAsync(n++));
            }

            inFlight.RemoveAll(t => t.IsCompleted);
        }

        await Task.WhenAll(inFlight);
    }

    private async Task PostOneAsync(long n)
    {
        var notification = Notification((int)(n % Groups), n);
        notification.AdditionalKeys = new Struct { Fields = { [SentKey] = Value.ForNumber(Stopwatch.GetTimestamp()) } };
        var sent = Stopwatch.GetTimestamp();
        try
        {
            var response = await clients[(int)(n % clients.Count)].ReportCampaignGroupStateAsync(new ReportCampaignGroupStateRequest { Notification = notification });
            lock (ReportLatency)
            {
                ReportLatency.Record(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                Posted++;
                LastSequence = Math.Max(LastSequence, response.Event.Sequence);
            }
        }
        catch (RpcException ex)
        {
            lock (ReportLatency)
            {
                Failed++;
                FirstError ??= $"{ex.StatusCode}: {ex.Status.Detail}";
            }
        }
    }

    private CampaignGroupStateNotification Notification(int group, long n) => new()
    {
        GswUserEvent = "CampaignGroupState",
        GswDateTime = UnixSeconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()),
        GswTenantName = tenant,
        GswTenantCcid = "Unknown",
        GswCampaignGroupName = $"Group {group}@Outbound",
        GswCampaignGroupGuid = $"00000000-0000-4000-8000-{group:D12}",
        GswCampaignGroupDbid = (1000 + group).ToString(System.Globalization.CultureInfo.InvariantCulture),
        GswGroupName = "Outbound",
        GswCampaignName = $"Campaign {group}",
        GswQueueName = "7000",
        GswDialMode = 1,
        GswCampaignGroupState = 4,
        GswCampaignGroupActor = 2,
        GswStatBusyFactor = Value.ForNumber(0.85),
        GswStatHitRatio = Value.ForNumber(0.3),
        GswStatOverdialRate = Value.ForNumber(0.02),
        GswStatTimeToComplete = Value.ForNumber(600 + (n % 60)),
    };

    private static string UnixSeconds(long milliseconds) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{milliseconds / 1000}.{milliseconds % 1000:D3}");
}
