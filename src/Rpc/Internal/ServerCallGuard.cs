namespace JourneyGrpc.Rpc.Internal;

/// <summary>
/// What a call needs only when something besides its handler can end it (a deadline timer or
/// server shutdown): a token linked to the client's, a lock that serializes the handler's writes
/// with that ending, and the timer. A unary call without a deadline needs none of it, so
/// <see cref="HttpContextServerCallContext"/> creates one only for the calls that do.
/// </summary>
internal sealed class ServerCallGuard(CancellationToken requestAborted)
{
    internal CancellationTokenSource Cancellation { get; } = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);

    internal SemaphoreSlim WriteLock { get; } = new(1, 1);

    internal ServerCallDeadline? Deadline { get; set; }

    internal CancellationTokenRegistration ShutdownRegistration { get; set; }

    internal void CancelQuietly()
    {
        try
        {
            Cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The call already ended.
        }
    }

    /// <summary>Releases the shutdown registration and the deadline timer; waits for a running expiry.</summary>
    internal async ValueTask DisposeAsync()
    {
        ShutdownRegistration.Dispose();
        if (Deadline is not null)
        {
            await Deadline.DisposeAsync().ConfigureAwait(false);
        }

        Cancellation.Dispose();
    }
}
