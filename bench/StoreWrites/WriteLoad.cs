using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Store;

namespace JourneyGrpc.Bench.StoreWrites;

/// <summary>
/// A closed loop of <c>writers</c> tasks, each awaiting one durable write (an insert of a small message
/// with two index entries) before the next. Counts writes acknowledged inside the measured window.
/// </summary>
internal static class WriteLoad
{
    internal static async Task<(long Writes, double Seconds, long Commits)> RunAsync(JourneyStore store, BenchOptions options, string label)
    {
        long measured = 0;
        var measuring = 0;
        var stop = 0;
        var workers = Enumerable.Range(0, options.Writers).Select(writer => Task.Run(async () =>
        {
            for (var n = 0; Volatile.Read(ref stop) == 0; n++)
            {
                var id = $"{label}-{writer}-{n}";
                var payload = new Struct
                {
                    Fields =
                    {
                        ["engagementId"] = Value.ForString(id),
                        ["channel"] = Value.ForString("voice"),
                        ["startDate"] = Value.ForNumber(n),
                    },
                };
                await store.WriteAsync("bench", new WriteBatch().Insert("engagements", id, payload, new IndexEntry("by-agent", $"agent-{writer}", n), new IndexEntry("by-channel", "voice", n))).ConfigureAwait(false);
                if (Volatile.Read(ref measuring) == 1)
                {
                    Interlocked.Increment(ref measured);
                }
            }
        })).ToArray();

        await Task.Delay(options.Warmup).ConfigureAwait(false);
        var commitsBefore = store.CommitCount;
        var started = Stopwatch.GetTimestamp();
        Volatile.Write(ref measuring, 1);
        await Task.Delay(options.Duration).ConfigureAwait(false);
        Volatile.Write(ref measuring, 0);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var commits = store.CommitCount - commitsBefore;
        Volatile.Write(ref stop, 1);
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromMinutes(2)).ConfigureAwait(false);
        return (Interlocked.Read(ref measured), seconds, commits);
    }
}
