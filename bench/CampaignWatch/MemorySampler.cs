using System.Globalization;

namespace JourneyGrpc.Bench.CampaignWatch;

/// <summary>Samples a process's resident memory (VmRSS of /proc/PID/status) once a second.</summary>
internal sealed class MemorySampler(int? pid)
{
    private readonly List<(TimeSpan At, long Kb)> _samples = [];
    private readonly Lock _lock = new();

    internal static long? ReadRssKb(int? pid)
    {
        if (pid is null || !File.Exists($"/proc/{pid}/status"))
        {
            return null;
        }

        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    internal async Task RunAsync(TimeSpan origin, Func<TimeSpan> clock, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            do
            {
                if (ReadRssKb(pid) is { } kb)
                {
                    lock (_lock)
                    {
                        _samples.Add((clock() - origin, kb));
                    }
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
        }
    }

    internal (long Max, long Last) During()
    {
        lock (_lock)
        {
            return _samples.Count == 0 ? (0, 0) : (_samples.Max(s => s.Kb), _samples[^1].Kb);
        }
    }
}
