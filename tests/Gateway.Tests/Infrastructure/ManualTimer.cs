namespace JourneyGrpc.Gateway.Tests.Infrastructure;

/// <summary>A one-shot timer of <see cref="ManualTimeProvider"/>, with a real timer's limits.</summary>
internal sealed class ManualTimer(ManualTimeProvider timeProvider, TimerCallback callback, object? state) : ITimer
{
    // System.Threading.Timer's longest due time (0xfffffffe ms); a longer one throws there too.
    private static readonly TimeSpan MaxDueTime = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly Lock _lock = new();
    private DateTimeOffset? _dueAt;

    internal DateTimeOffset? DueAt
    {
        get
        {
            lock (_lock)
            {
                return _dueAt;
            }
        }
    }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan && (dueTime < TimeSpan.Zero || dueTime > MaxDueTime))
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "The timer's due time is out of range.");
        }

        var dueAt = dueTime == Timeout.InfiniteTimeSpan ? (DateTimeOffset?)null : timeProvider.GetUtcNow() + dueTime;
        lock (_lock)
        {
            _dueAt = dueAt;
        }

        return true;
    }

    public void Dispose()
    {
        Disarm();
        timeProvider.Remove(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    internal void Fire()
    {
        Disarm();
        callback(state);
    }

    private void Disarm()
    {
        lock (_lock)
        {
            _dueAt = null;
        }
    }
}
