namespace JourneyGrpc.Bench.EngagementLoad;

/// <summary>The server's clock: the system's, moved by an offset so seeding can write thirty days of history.</summary>
internal sealed class BenchClock : TimeProvider
{
    private long _offsetTicks;

    internal TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
