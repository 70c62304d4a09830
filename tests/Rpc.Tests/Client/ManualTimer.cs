namespace JourneyGrpc.Rpc.Tests.Client;

/// <summary>A one-shot timer of <see cref="ManualTimeProvider"/> (periods are not needed by the client).</summary>
internal sealed class ManualTimer(ManualTimeProvider timeProvider, TimerCallback callback, object? state) : ITimer
{
    internal DateTimeOffset? DueAt { get; private set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : timeProvider.GetUtcNow() + dueTime;
        return true;
    }

    public void Dispose()
    {
        DueAt = null;
        timeProvider.Remove(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    internal void Fire()
    {
        DueAt = null;
        callback(state);
    }
}
