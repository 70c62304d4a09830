using System.Runtime.CompilerServices;

namespace JourneyGrpc.Tests.Shared;

/// <summary>
/// Gives the test process a thread-pool floor. The test host blocks pool threads for the whole
/// run (vstest's message loop polls its socket synchronously; xunit's assembly runner waits on a
/// handle), so on a 2-core machine, where the floor is 2, every other continuation (Kestrel's,
/// a deadline timer's) waits for the pool's ~500 ms thread injection. Measured: a 100 ms
/// deadline answered after 700-1100 ms without this, after 100-105 ms with it.
/// </summary>
internal static class TestHostThreadPool
{
    private const int MinimumThreads = 16;

    [ModuleInitializer]
    internal static void RaiseFloor()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, MinimumThreads), Math.Max(completionPorts, MinimumThreads));
    }
}
