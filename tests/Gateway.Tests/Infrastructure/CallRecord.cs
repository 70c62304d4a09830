using System.Collections.Concurrent;

namespace JourneyGrpc.Gateway.Tests.Infrastructure;

/// <summary>What one call's interceptors and handler saw and did, for the test that made the call.</summary>
internal sealed class CallRecord
{
    /// <summary>In order: <c>name&gt; method</c> as an interceptor enters, <c>handler method</c>, <c>&lt;name</c> as it leaves.</summary>
    internal ConcurrentQueue<string> Events { get; } = new();

    /// <summary>The id of the request-scoped <see cref="RequestScopeMarker"/> each interceptor, the service and the HttpContext resolved.</summary>
    internal ConcurrentQueue<Guid> ScopeIds { get; } = new();

    internal TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The handler saw its call's cancellation token fire.</summary>
    internal TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The REST request's pipeline (middleware and endpoint) returned.</summary>
    internal TaskCompletionSource PipelineReturned { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The request's services scope was disposed; the result is <see cref="Events"/> at that moment.</summary>
    internal TaskCompletionSource<string[]> ScopeDisposed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>With <see cref="Hold"/>, a handler that saw cancellation waits for this before it ends.</summary>
    internal TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal bool Hold { get; set; }

    internal object? Request { get; set; }

    internal object? Response { get; set; }

    internal DateTime Deadline { get; set; }

    /// <summary>What a client-streaming handler's read threw.</summary>
    internal TaskCompletionSource<Exception> ReadFailed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Waits until <paramref name="token"/> fires, then (with <see cref="Hold"/>, until released) throws as a cancelled handler does.</summary>
    internal async Task WaitForCancellationAsync(CancellationToken token)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            Cancelled.TrySetResult();
            if (Hold)
            {
                await Release.Task;
            }

            throw;
        }
    }
}
