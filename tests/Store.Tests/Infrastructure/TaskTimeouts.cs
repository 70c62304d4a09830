using System.Runtime.CompilerServices;

namespace JourneyGrpc.Store.Tests.Infrastructure;

/// <summary>Every await in these tests is bounded: a hang fails the test with the caller's line instead of stalling the run.</summary>
internal static class TaskTimeouts
{
    internal static readonly TimeSpan Default = TimeSpan.FromSeconds(30);

    internal static async Task<T> DefaultTimeout<T>(this Task<T> task, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        try
        {
            return await task.WaitAsync(Default);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw new TimeoutException($"Timed out after {Default.TotalSeconds} s at {Path.GetFileName(file)}:{line}.");
        }
    }

    internal static async Task DefaultTimeout(this Task task, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        try
        {
            await task.WaitAsync(Default);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw new TimeoutException($"Timed out after {Default.TotalSeconds} s at {Path.GetFileName(file)}:{line}.");
        }
    }
}
