using System.Diagnostics;
using System.Globalization;

namespace JourneyGrpc.Bench.StoreWrites;

/// <summary>How busy the whole machine was during a run (from /proc/stat), and how much of that was this process.</summary>
internal sealed class MachineLoad
{
    private readonly (long Busy, long Total) _start = Sample();
    private readonly TimeSpan _ownStart = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly long _started = Stopwatch.GetTimestamp();

    /// <summary>Percent of all cores: busy in total, and used by this process.</summary>
    internal (double Busy, double Own) Stop()
    {
        var end = Sample();
        var elapsed = Stopwatch.GetElapsedTime(_started);
        var own = (Process.GetCurrentProcess().TotalProcessorTime - _ownStart) / (elapsed * Environment.ProcessorCount);
        var total = end.Total - _start.Total;
        return (total > 0 ? 100.0 * (end.Busy - _start.Busy) / total : 0, 100.0 * own);
    }

    /// <summary>
    /// Waits (at most <paramref name="maxWait"/>) until the machine, sampled over one second, is at most
    /// <paramref name="quietPercent"/> busy: other sessions' builds on the shared cores otherwise land
    /// inside a run. Returns the seconds waited.
    /// </summary>
    internal static async Task<int> WaitQuietAsync(double quietPercent, TimeSpan maxWait)
    {
        var waited = 0;
        while (true)
        {
            var before = Sample();
            await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            var after = Sample();
            var total = after.Total - before.Total;
            if (total <= 0 || 100.0 * (after.Busy - before.Busy) / total <= quietPercent || waited >= maxWait.TotalSeconds)
            {
                return waited;
            }

            waited++;
        }
    }

    private static (long Busy, long Total) Sample()
    {
        // cpu  user nice system idle iowait irq softirq steal
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return (fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + fields[7], fields.Sum());
    }
}
