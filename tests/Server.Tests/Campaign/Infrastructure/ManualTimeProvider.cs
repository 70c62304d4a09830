namespace JourneyGrpc.Server.Tests.Campaign.Infrastructure;

/// <summary>A clock that moves only when a test says so; due timers (periodic ones too) fire inside <see cref="Advance"/>.</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private TaskCompletionSource? _timerCreated;

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
        TaskCompletionSource? created;
        lock (_lock)
        {
            _timers.Add(timer);
            created = _timerCreated;
            _timerCreated = null;
        }

        timer.Change(dueTime, period);
        created?.TrySetResult();
        return timer;
    }

    /// <summary>Completes when the next timer (a <c>Task.Delay</c> on this clock, say) is created.</summary>
    internal Task NextTimerCreatedAsync()
    {
        lock (_lock)
        {
            _timerCreated ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _timerCreated.Task;
        }
    }

    /// <summary>Moves the clock and runs every timer that has come due, in due order.</summary>
    internal void Advance(TimeSpan by)
    {
        DateTimeOffset target;
        lock (_lock)
        {
            target = _now + by;
        }

        while (NextDue(target) is { } timer)
        {
            lock (_lock)
            {
                _now = timer.DueAt!.Value;
            }

            timer.Fire();
        }

        lock (_lock)
        {
            _now = target;
        }
    }

    internal void Remove(ManualTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    private ManualTimer? NextDue(DateTimeOffset target)
    {
        lock (_lock)
        {
            return _timers.Where(t => t.DueAt is { } due && due <= target).MinBy(t => t.DueAt);
        }
    }

    internal sealed class ManualTimer(ManualTimeProvider clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        internal DateTimeOffset? DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + dueTime;
            return true;
        }

        public void Dispose()
        {
            DueAt = null;
            clock.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        internal void Fire()
        {
            DueAt = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : DueAt + _period;
            callback(state);
        }
    }
}
