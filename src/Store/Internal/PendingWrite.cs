namespace JourneyGrpc.Store.Internal;

/// <summary>
/// A batch waiting for the writer. The caller's cancellation counts only until the writer claims it:
/// after that the batch is in a transaction and its outcome is reported whatever happens.
/// </summary>
internal sealed class PendingWrite
{
    private const int Queued = 0;
    private const int Claimed = 1;
    private const int Cancelled = 2;

    private readonly TaskCompletionSource<WriteResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenRegistration _cancellation;
    private int _state;

    internal PendingWrite(string tenant, WriteBatch batch, CancellationToken cancellationToken)
    {
        Tenant = tenant;

        // A copy: the caller may reuse the batch object once WriteAsync has returned a task.
        Operations = [.. batch.Operations];
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(static (state, token) => ((PendingWrite)state!).Cancel(token), this);
        }
    }

    internal string Tenant { get; }

    internal IReadOnlyList<WriteOperation> Operations { get; }

    internal Task<WriteResult> Task => _completion.Task;

    /// <summary>Takes the batch for a transaction; false if its caller has already given up.</summary>
    internal bool TryClaim()
    {
        var claimed = Interlocked.CompareExchange(ref _state, Claimed, Queued) == Queued;
        _cancellation.Dispose();
        return claimed;
    }

    internal void Complete(WriteResult result) => _completion.TrySetResult(result);

    internal void Fail(Exception exception) => _completion.TrySetException(exception);

    private void Cancel(CancellationToken token)
    {
        if (Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued)
        {
            _completion.TrySetCanceled(token);
        }
    }
}
