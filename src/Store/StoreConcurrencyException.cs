namespace JourneyGrpc.Store;

/// <summary>
/// A write expected a record at a version it no longer has (or no longer exists at): someone else wrote
/// it first. Read it again and retry. Only the batch that carried the stale write fails.
/// </summary>
public sealed class StoreConcurrencyException : StoreException
{
    internal StoreConcurrencyException(string collection, string id, long? expectedVersion, long? actualVersion, string? reason = null, bool abortedTransaction = false)
        : base(FormatMessage(collection, id, expectedVersion, actualVersion, reason))
    {
        AbortedTransaction = abortedTransaction;
        Collection = collection;
        Id = id;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The conflicting record's collection.</summary>
    public string Collection { get; }

    /// <summary>The conflicting record's id.</summary>
    public string Id { get; }

    /// <summary>The version the write expected.</summary>
    public long? ExpectedVersion { get; }

    /// <summary>The version the record has; null when it does not exist.</summary>
    public long? ActualVersion { get; }

    /// <summary>True when the database aborted the whole transaction (a deadlock or serialization failure), not just this write.</summary>
    internal bool AbortedTransaction { get; }

    private static string FormatMessage(string collection, string id, long? expected, long? actual, string? reason) => (reason, expected, actual) switch
    {
        ({ } why, _, _) => $"Record {collection}/{id} could not be written ({why}); read it again and retry.",
        (null, { } e, { } a) => $"Record {collection}/{id} is at version {a}, not the expected version {e}.",
        (null, { } e, null) => $"Record {collection}/{id} does not exist (expected version {e}).",
        _ => $"Record {collection}/{id} changed concurrently.",
    };
}
