namespace JourneyGrpc.Rpc.Internal;

/// <summary>
/// A call's deadline timer. The expiry callback is tracked so the call never returns (and
/// Kestrel never recycles its HttpContext) while the callback is still writing the status.
/// </summary>
internal sealed class ServerCallDeadline : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly ITimer _timer;
    private readonly Func<Task> _onExpired;
    private Task? _expiredTask;
    private bool _disposed;

    internal ServerCallDeadline(TimeProvider timeProvider, TimeSpan timeout, Func<Task> onExpired)
    {
        _onExpired = onExpired;
        Deadline = timeProvider.GetUtcNow().UtcDateTime + timeout;
        _timer = timeProvider.CreateTimer(static state => ((ServerCallDeadline)state!).OnTimer(), this, timeout, Timeout.InfiniteTimeSpan);
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
            if (_disposed)
            {
                return;
            }

            IsExpired = true;
            _expiredTask = _onExpired();
        }
    }
}
