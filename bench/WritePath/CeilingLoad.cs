using System.Diagnostics;
using JourneyGrpc.Server.Journey.Engagements;
using JourneyGrpc.Server.Journey.Identity;
using JourneyGrpc.Server.Journey.Mapping;
using JourneyGrpc.Store;

namespace JourneyGrpc.Bench.WritePath;

/// <summary>
/// The store's durable ceiling for the create's exact batch: <c>concurrency</c> closed-loop writers, each
/// building the batch a create of a new customer commits (<see cref="EngagementWriter.NewEngagement"/>,
/// <see cref="IdentityGraph.PlanNewJourney"/>, <see cref="CreateEngagementBatch"/>: the product's code) and
/// awaiting its durable write, with no read and no RPC.
/// </summary>
internal static class CeilingLoad
{
    internal static async Task<CellResult> RunAsync(JourneyStore store, BenchOptions options)
    {
        var counting = new CountingStore(store);
        var latencies = new List<double>[options.Concurrency];
        var measuring = 0;
        var stop = 0;
        var workers = Enumerable.Range(0, options.Concurrency).Select(worker => Task.Run(async () =>
        {
            var own = latencies[worker] = [];
            while (Volatile.Read(ref stop) == 0)
            {
                var started = Stopwatch.GetTimestamp();
                var engagement = EngagementWriter.NewEngagement(CreateRequests.New());
                var batch = CreateEngagementBatch.For(engagement, IdentityGraph.PlanNewJourney(IdentifierMap.ToKeys(engagement.Identifiers)));
                await counting.WriteAsync(CreateRequests.Account, batch).ConfigureAwait(false);
                if (Volatile.Read(ref measuring) == 1)
                {
                    own.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        })).ToArray();

        await Task.Delay(options.Warmup).ConfigureAwait(false);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var before = counting.Snapshot();
        var window = Stopwatch.GetTimestamp();
        Volatile.Write(ref measuring, 1);
        await Task.Delay(options.Duration).ConfigureAwait(false);
        Volatile.Write(ref measuring, 0);
        var seconds = Stopwatch.GetElapsedTime(window).TotalSeconds;
        var counters = counting.Snapshot().Since(before);
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Volatile.Write(ref stop, 1);
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromMinutes(2)).ConfigureAwait(false);
        var all = latencies.SelectMany(l => l).ToList();
        return CellResult.Of(all.Count, 0, seconds, all, cpuUsed, counters);
    }
}
