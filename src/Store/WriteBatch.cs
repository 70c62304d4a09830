using Google.Protobuf;
using JourneyGrpc.Store.Internal;

namespace JourneyGrpc.Store;

/// <summary>
/// Record writes and event appends applied all-or-nothing by <see cref="IJourneyStore.WriteAsync"/>, in
/// order (a later operation sees an earlier one). Messages are serialized when added, so changing one
/// afterwards does not change the batch.
/// </summary>
public sealed class WriteBatch
{
    private readonly List<WriteOperation> _operations = [];

    /// <summary>How many operations the batch holds.</summary>
    public int Count => _operations.Count;

    internal IReadOnlyList<WriteOperation> Operations => _operations;

    /// <summary>Creates a record; fails with <see cref="StoreDuplicateException"/> if <paramref name="id"/> exists.</summary>
    public WriteBatch Insert(string collection, string id, IMessage payload, params IndexEntry[] indexes) =>
        Add(WriteOperationKind.Insert, collection, id, expectedVersion: null, payload, indexes);

    /// <summary>Replaces a record at <paramref name="expectedVersion"/>; fails with <see cref="StoreConcurrencyException"/> otherwise.</summary>
    public WriteBatch Update(string collection, string id, long expectedVersion, IMessage payload, params IndexEntry[] indexes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(expectedVersion, 1);
        return Add(WriteOperationKind.Update, collection, id, expectedVersion, payload, indexes);
    }

    /// <summary>Creates or replaces a record whatever its version.</summary>
    public WriteBatch Upsert(string collection, string id, IMessage payload, params IndexEntry[] indexes) =>
        Add(WriteOperationKind.Upsert, collection, id, expectedVersion: null, payload, indexes);

    /// <summary>
    /// Deletes a record and its index entries. With <paramref name="expectedVersion"/> it must be at that
    /// version (<see cref="StoreConcurrencyException"/> otherwise); without, a missing record is not an error.
    /// </summary>
    public WriteBatch Delete(string collection, string id, long? expectedVersion = null)
    {
        if (expectedVersion is { } version)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(version, 1, nameof(expectedVersion));
        }

        StoreNames.Validate(collection, nameof(collection));
        StoreNames.ValidateId(id, nameof(id));
        _operations.Add(new WriteOperation(WriteOperationKind.Delete, collection, id, expectedVersion, Payload: null, Indexes: []));
        return this;
    }

    /// <summary>Appends an event to <paramref name="log"/>; its sequence is in <see cref="WriteResult.Sequences"/>.</summary>
    public WriteBatch Append(string log, IMessage payload)
    {
        StoreNames.Validate(log, nameof(log));
        ArgumentNullException.ThrowIfNull(payload);
        _operations.Add(new WriteOperation(WriteOperationKind.Append, log, Id: string.Empty, ExpectedVersion: null, payload.ToByteArray(), Indexes: []));
        return this;
    }

    private WriteBatch Add(WriteOperationKind kind, string collection, string id, long? expectedVersion, IMessage payload, IndexEntry[] indexes)
    {
        StoreNames.Validate(collection, nameof(collection));
        StoreNames.ValidateId(id, nameof(id));
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(indexes);
        var seen = new HashSet<(string, string)>();
        foreach (var entry in indexes)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(indexes));
            StoreNames.Validate(entry.Name, nameof(indexes));
            StoreNames.ValidateKey(entry.Key, nameof(indexes));

            // One entry per index and key keeps a single-key lookup free of duplicates (and of a GROUP BY).
            if (!seen.Add((entry.Name, entry.Key)))
            {
                throw new ArgumentException($"Record {collection}/{id} has index {entry.Name} key '{entry.Key}' twice.", nameof(indexes));
            }
        }

        _operations.Add(new WriteOperation(kind, collection, id, expectedVersion, payload.ToByteArray(), [.. indexes]));
        return this;
    }
}
