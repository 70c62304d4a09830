namespace JourneyGrpc.Gateway.Tests.Infrastructure;

/// <summary>A clock that moves only when a test says so; its timers fire inside <see cref="Advance"/>.</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>When the earliest armed timer comes due; null when none is armed.</summary>
    internal DateTimeOffset? NextDue
    {
        get
        {
            lock (_lock)
            {
                return _timers.Select(t => t.DueAt).Where(due => due is not null).Min();
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (_lock)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock and runs every timer that has come due, re-armed ones too.</summary>
    internal void Advance(TimeSpan by)
    {
        lock (_lock)
        {
            _now += by;
        }

        while (NextDueTimer() is { } timer)
        {
            timer.Fire();
        }
    }

    internal void Remove(ManualTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    private ManualTimer? NextDueTimer()
    {
        lock (_lock)
        {
            return _timers.FirstOrDefault(t => t.DueAt is { } due && due <= _now);
        }
    }
}
