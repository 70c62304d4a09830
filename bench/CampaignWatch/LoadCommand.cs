using System.Diagnostics;
using System.Globalization;
using Grpc.Net.Client;
using JourneyGrpc.Campaign.V1;

namespace JourneyGrpc.Bench.CampaignWatch;

/// <summary>
/// N subscribers watch one tenant from a known sequence while the poster posts R events/s for D
/// seconds; then every subscriber must reach the last sequence. Prints delivery latency p50/p99/max,
/// losses, resumes, and the server's resident memory before, during (max) and after.
/// </summary>
internal static class LoadCommand
{
    private static readonly TimeSpan DrainBudget = TimeSpan.FromMinutes(3);

    internal static async Task<int> RunAsync(LoadSettings settings)
    {
        WatchProbe.CheckAgainstFullMessage();
        ThreadPool.SetMinThreads(Math.Max(64, Environment.ProcessorCount * 8), 64);
        var channels = Enumerable.Range(0, settings.Connections).Select(_ => GrpcChannel.ForAddress(settings.Address)).ToList();
        var posterChannels = Enumerable.Range(0, 4).Select(_ => GrpcChannel.ForAddress(settings.Address)).ToList();
        try
        {
            var invokers = channels.Select(c => c.CreateCallInvoker()).ToList();
            var poster = new Poster([.. posterChannels.Select(c => new CampaignStatusService.CampaignStatusServiceClient(c))], settings.Tenant);
            var clock = Stopwatch.StartNew();
            var before = MemorySampler.ReadRssKb(settings.ServerPid);
            var start = await poster.LoadGroupsAsync();
            Log($"groups loaded; subscribers start after sequence {start}; server RSS before {Mb(before)}");

            using var stop = new CancellationTokenSource();
            var subscribers = Enumerable.Range(0, settings.Subscribers).Select(i => new Subscriber(invokers[i % invokers.Count], settings.Tenant, start)).ToList();
            var watching = subscribers.Select(s => Task.Run(() => s.RunAsync(stop.Token))).ToList();
            var connected = MemorySampler.ReadRssKb(settings.ServerPid);

            var sampler = new MemorySampler(settings.ServerPid);
            using var sampling = new CancellationTokenSource();
            var samples = sampler.RunAsync(clock.Elapsed, () => clock.Elapsed, sampling.Token);
            Log($"{settings.Subscribers} subscribers on {settings.Connections} connections; posting {settings.Rate}/s for {settings.DurationSeconds} s");
            var postStart = clock.Elapsed;
            await poster.RunAsync(settings.Rate, TimeSpan.FromSeconds(settings.DurationSeconds));
            var postSeconds = (clock.Elapsed - postStart).TotalSeconds;
            var last = poster.LastSequence;
            Log($"posted {poster.Posted} ({poster.Failed} failed) in {postSeconds:F1} s; last sequence {last}; waiting for subscribers");

            foreach (var subscriber in subscribers)
            {
                subscriber.StopAt(last);
            }

            var drained = await Task.WhenAll(watching).WaitAsync(DrainBudget).ContinueWith(t => t.IsCompletedSuccessfully);
            var drainSeconds = (clock.Elapsed - postStart).TotalSeconds - postSeconds;
            await sampling.CancelAsync();
            await samples;
            var (duringMax, _) = sampler.During();
            await stop.CancelAsync();
            foreach (var channel in channels)
            {
                channel.Dispose();
            }

            await Task.Delay(TimeSpan.FromSeconds(10));
            var after = MemorySampler.ReadRssKb(settings.ServerPid);

            var latency = new LatencyHistogram();
            foreach (var subscriber in subscribers)
            {
                latency.Add(subscriber.Latency);
            }

            var expected = last - start;
            var complete = subscribers.Count(s => s.Received >= expected && s.Last >= last);
            var outOfOrder = subscribers.Sum(s => s.OutOfOrder);
            var resumes = subscribers.Sum(s => s.Resumes);
            var errors = subscribers.Where(s => s.LastError is not null).Select(s => s.LastError).Distinct().Take(3);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT subscribers={settings.Subscribers} rate={settings.Rate} duration_s={settings.DurationSeconds} posted={poster.Posted} post_failed={poster.Failed} " +
                $"achieved_rate={poster.Posted / postSeconds:F0} complete_subscribers={complete} drained={drained} drain_s={drainSeconds:F1} " +
                $"delivered={latency.Count} expected_deliveries={expected * settings.Subscribers} out_of_order={outOfOrder} resumes={resumes} " +
                $"p50_ms={latency.Percentile(0.50):F2} p99_ms={latency.Percentile(0.99):F2} max_ms={latency.MaxMs:F1} " +
                $"report_p50_ms={poster.ReportLatency.Percentile(0.50):F2} report_p99_ms={poster.ReportLatency.Percentile(0.99):F2} " +
                $"rss_before_mb={Mb(before)} rss_connected_mb={Mb(connected)} rss_during_max_mb={Mb(duringMax)} rss_after_mb={Mb(after)}"));
            foreach (var error in errors.Prepend(poster.FirstError is { } postError ? "report " + postError : null).OfType<string>())
            {
                Console.WriteLine($"ERROR {error}");
            }

            return complete == settings.Subscribers && outOfOrder == 0 && poster.Failed == 0 ? 0 : 1;
        }
        finally
        {
            foreach (var channel in channels.Concat(posterChannels))
            {
                channel.Dispose();
            }
        }
    }

    private static string Mb(long? kb) => kb is { } k ? (k / 1024.0).ToString("F0", CultureInfo.InvariantCulture) : "n/a";

    private static void Log(string message) => Console.Error.WriteLine($"[campaign-watch {DateTime.UtcNow:HH:mm:ss}] {message}");
}
