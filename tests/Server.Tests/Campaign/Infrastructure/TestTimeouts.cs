namespace JourneyGrpc.Server.Tests.Campaign.Infrastructure;

/// <summary>Every await in these tests is bounded, so a hang fails the test instead of the run.</summary>
internal static class TestTimeouts
{
    internal static readonly TimeSpan Default = TimeSpan.FromSeconds(30);

    internal static Task Bounded(this Task task) => task.WaitAsync(Default);

    internal static Task<T> Bounded<T>(this Task<T> task) => task.WaitAsync(Default);

    internal static Task<T> Bounded<T>(this Task<T> task, TimeSpan timeout) => task.WaitAsync(timeout);
}
