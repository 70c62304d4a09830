namespace JourneyGrpc.Rpc.Internal.Client;

/// <summary>A client call's deadline: a timer on an injected clock that fires once the deadline has passed.</summary>
internal sealed class ClientCallDeadline : IDisposable
{
    // ITimer accepts at most 0xFFFFFFFE ms (~49.7 days); a later deadline re-arms the timer when it fires.
    private static readonly TimeSpan MaxTimerDueTime = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly TimeProvider _timeProvider;
    private readonly Action _onExpired;
    private ITimer? _timer;

    internal ClientCallDeadline(TimeProvider timeProvider, DateTime deadline, Action onExpired)
    {
        _timeProvider = timeProvider;
        _onExpired = onExpired;
        Deadline = deadline.Kind == DateTimeKind.Local ? deadline.ToUniversalTime() : deadline;
    }

    internal DateTime Deadline { get; }

    internal TimeSpan Remaining => Deadline - _timeProvider.GetUtcNow().UtcDateTime;

    internal bool IsExpired => Remaining <= TimeSpan.Zero;

    internal void Start()
    {
        // Armed only once assigned, so a callback that must re-arm always finds the timer.
        _timer = _timeProvider.CreateTimer(static state => ((ClientCallDeadline)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timer.Change(Clamp(Remaining), Timeout.InfiniteTimeSpan);
    }

    public void Dispose() => _timer?.Dispose();

    private static TimeSpan Clamp(TimeSpan dueTime) =>
        dueTime <= TimeSpan.Zero ? TimeSpan.Zero : dueTime > MaxTimerDueTime ? MaxTimerDueTime : dueTime;

    private void OnTimer()
    {
        // The timer and the wall clock can disagree by a tick; only a passed deadline counts.
        var remaining = Remaining;
        if (remaining > TimeSpan.Zero)
        {
            _timer?.Change(Clamp(remaining), Timeout.InfiniteTimeSpan);
            return;
        }

        _onExpired();
    }
}
