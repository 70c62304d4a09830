namespace JourneyGrpc.Store;

/// <summary>
/// The database could not serve the request (see <see cref="Failure"/>); the message says what to do.
/// Nothing of the failed write was applied. The store stays open: later calls may succeed.
/// </summary>
public sealed class StoreFailureException : StoreException
{
    internal StoreFailureException(StoreFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    /// <summary>The kind of failure.</summary>
    public StoreFailure Failure { get; }
}
