namespace JourneyGrpc.Store;

/// <summary>An insert named an id that exists, or an index entry marked unique is held by another record.</summary>
public sealed class StoreDuplicateException : StoreException
{
    internal StoreDuplicateException(string collection, string id)
        : base($"Record {collection}/{id} already exists.")
    {
        Collection = collection;
        Id = id;
        ExistingId = id;
    }

    internal StoreDuplicateException(string collection, string id, string index, string key, string existingId)
        : base($"Record {collection}/{id} cannot take '{key}' in unique index {index}: record {collection}/{existingId} holds it.")
    {
        Collection = collection;
        Id = id;
        Index = index;
        Key = key;
        ExistingId = existingId;
    }

    /// <summary>The collection written.</summary>
    public string Collection { get; }

    /// <summary>The id of the record being written.</summary>
    public string Id { get; }

    /// <summary>The unique index, when the clash is on an index key.</summary>
    public string? Index { get; }

    /// <summary>The clashing key, when the clash is on an index key.</summary>
    public string? Key { get; }

    /// <summary>The record that already has the id or key.</summary>
    public string ExistingId { get; }
}
