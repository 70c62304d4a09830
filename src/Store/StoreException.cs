namespace JourneyGrpc.Store;

/// <summary>
/// Base of every error the store reports on purpose. The gRPC layer maps
/// <see cref="StoreConcurrencyException"/> to ABORTED, <see cref="StoreDuplicateException"/> to
/// ALREADY_EXISTS and <see cref="StoreFailureException"/> to UNAVAILABLE or INTERNAL.
/// </summary>
public abstract class StoreException : Exception
{
    private protected StoreException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
