namespace JourneyGrpc.Gateway.Internal.InProcess;

/// <summary>
/// A call's deadline timer. The expiry callback is tracked so the call never returns (and
/// Kestrel never recycles its HttpContext) while the callback is still writing the status.
/// </summary>
internal sealed class InProcessCallDeadline : IAsyncDisposable
{
    // The longest a timer can wait (Timer's limit, 0xfffffffe ms ≈ 49.7 days, as Grpc.AspNetCore's
    // ServerCallDeadlineManager has it): a deadline further away is reached in steps of at most this.
    private static readonly TimeSpan MaxDueTime = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;
    private readonly ITimer _timer;
    private readonly Func<Task> _onExpired;
    private Task? _expiredTask;
    private bool _disposed;
    private bool _stepping;

    internal InProcessCallDeadline(TimeProvider timeProvider, TimeSpan timeout, Func<Task> onExpired)
    {
        _timeProvider = timeProvider;
        _onExpired = onExpired;
        Deadline = timeProvider.GetUtcNow().UtcDateTime + timeout;
        _timer = timeProvider.CreateTimer(static state => ((InProcessCallDeadline)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        lock (_lock)
        {
            Arm(timeout);
        }
    }

    internal DateTime Deadline { get; }

    internal bool IsExpired { get; private set; }

    public async ValueTask DisposeAsync()
    {
        Task? running;
        lock (_lock)
        {
            _disposed = true;
            running = _expiredTask;
        }

        await _timer.DisposeAsync().ConfigureAwait(false);
        if (running is not null)
        {
            await running.ConfigureAwait(false);
        }
    }

    private void OnTimer()
    {
        lock (_lock)
        {
            if (_disposed || IsExpired)
            {
                return;
            }

            if (_stepping)
            {
                var remaining = Deadline - _timeProvider.GetUtcNow().UtcDateTime;
                if (remaining > TimeSpan.Zero)
                {
                    Arm(remaining);
                    return;
                }
            }

            IsExpired = true;
            _expiredTask = _onExpired();
        }
    }

    private void Arm(TimeSpan dueTime)
    {
        _stepping = dueTime > MaxDueTime;
        _timer.Change(_stepping ? MaxDueTime : dueTime, Timeout.InfiniteTimeSpan);
    }
}
