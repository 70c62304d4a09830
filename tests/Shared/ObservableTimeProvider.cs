using Microsoft.Extensions.Time.Testing;

namespace JourneyGrpc.Tests.Shared;

/// <summary>
/// The test clock: a <see cref="FakeTimeProvider"/> (time moves only in <c>Advance</c> or <c>SetUtcNow</c>,
/// due timers fire inside them in due order, a real timer's range enforced), plus the two things a test
/// waits on that it does not expose: when the next timer is created, and when the earliest armed one is due.
/// </summary>
internal sealed class ObservableTimeProvider : FakeTimeProvider
{
    private readonly Lock _lock = new();
    private readonly Dictionary<ObservedTimer, (DateTimeOffset DueAt, TimeSpan Period)> _armed = [];
    private TaskCompletionSource? _timerCreated;

    internal ObservableTimeProvider()
        : base(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>When the earliest armed timer comes due; null when none is armed.</summary>
    internal DateTimeOffset? NextDue
    {
        get
        {
            lock (_lock)
            {
                return _armed.Count == 0 ? null : _armed.Values.Min(armed => armed.DueAt);
            }
        }
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

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ObservedTimer(this, callback, state);
        TaskCompletionSource? created;
        lock (_lock)
        {
            created = _timerCreated;
            _timerCreated = null;
        }

        // Recorded before the fake timer exists: one due now fires inside CreateTimer.
        Arm(timer, dueTime, period);
        try
        {
            timer.Inner = base.CreateTimer(static observed => ((ObservedTimer)observed!).Fire(), timer, dueTime, period);
        }
        catch
        {
            Disarm(timer);
            throw;
        }

        created?.TrySetResult();
        return timer;
    }

    private void Arm(ObservedTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                _armed.Remove(timer);
            }
            else
            {
                _armed[timer] = (GetUtcNow() + dueTime, period);
            }
        }
    }

    private void Disarm(ObservedTimer timer)
    {
        lock (_lock)
        {
            _armed.Remove(timer);
        }
    }

    // A one-shot timer is spent once it fires; a periodic one is due again a period later.
    private void Fired(ObservedTimer timer)
    {
        lock (_lock)
        {
            if (_armed.TryGetValue(timer, out var armed))
            {
                if (armed.Period == Timeout.InfiniteTimeSpan || armed.Period == TimeSpan.Zero)
                {
                    _armed.Remove(timer);
                }
                else
                {
                    _armed[timer] = (GetUtcNow() + armed.Period, armed.Period);
                }
            }
        }
    }

    private sealed class ObservedTimer(ObservableTimeProvider clock, TimerCallback callback, object? state) : ITimer
    {
        internal ITimer Inner { get; set; } = null!;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.Arm(this, dueTime, period);
            try
            {
                return Inner.Change(dueTime, period);
            }
            catch
            {
                clock.Disarm(this);
                throw;
            }
        }

        public void Dispose()
        {
            clock.Disarm(this);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            clock.Disarm(this);
            return Inner.DisposeAsync();
        }

        internal void Fire()
        {
            clock.Fired(this);
            callback(state);
        }
    }
}
