using LiteDB;

namespace JourneyGrpc.Store.Internal.LiteDb;

/// <summary>
/// Applies the operations of one <see cref="WriteBatch"/> through <see cref="LiteDbChanges"/>, with the
/// same rules as the SQL providers: a record lists its index entries (<c>e</c>), so a rewrite or delete
/// removes exactly those; unique keys are documents of their own; a log's head holds its last sequence,
/// so sequences have no gaps.
/// </summary>
internal static class LiteDbBatchApplier
{
    internal static WriteResult Apply(LiteDbChanges changes, string tenant, IReadOnlyList<WriteOperation> operations, long now)
    {
        var versions = new List<long>();
        var sequences = new List<long>();
        foreach (var operation in operations)
        {
            if (operation.Kind == WriteOperationKind.Append)
            {
                sequences.Add(Append(changes, tenant, operation, now));
            }
            else
            {
                versions.Add(WriteRecord(changes, tenant, operation));
            }
        }

        return new WriteResult(versions, sequences);
    }

    private static long WriteRecord(LiteDbChanges changes, string tenant, WriteOperation operation)
    {
        var key = LiteDbKeys.Record(tenant, operation.Target, operation.Id);
        var current = changes.Get(LiteDbSchema.Records, key);
        var currentVersion = current?["v"].AsInt64;
        long version;
        switch (operation.Kind)
        {
            case WriteOperationKind.Insert:
                if (current is not null)
                {
                    throw new StoreDuplicateException(operation.Target, operation.Id);
                }

                version = 1;
                break;
            case WriteOperationKind.Update:
                if (currentVersion != operation.ExpectedVersion)
                {
                    throw new StoreConcurrencyException(operation.Target, operation.Id, operation.ExpectedVersion, currentVersion);
                }

                version = operation.ExpectedVersion!.Value + 1;
                break;
            case WriteOperationKind.Upsert:
                version = (currentVersion ?? 0) + 1;
                break;
            case WriteOperationKind.Delete:
                if (operation.ExpectedVersion is { } expected && currentVersion != expected)
                {
                    throw new StoreConcurrencyException(operation.Target, operation.Id, expected, currentVersion);
                }

                version = 0;
                break;
            default:
                throw new InvalidOperationException($"Unexpected operation {operation.Kind}.");
        }

        if (current is not null)
        {
            RemoveEntries(changes, tenant, operation, current);
        }

        if (operation.Kind == WriteOperationKind.Delete)
        {
            if (current is not null)
            {
                changes.Remove(LiteDbSchema.Records, current);
            }

            return version;
        }

        var entries = new BsonArray();
        foreach (var entry in operation.Indexes)
        {
            if (entry.IsUnique)
            {
                var uniqueKey = LiteDbKeys.Unique(tenant, operation.Target, entry.Name, entry.Key);
                if (changes.Get(LiteDbSchema.UniqueKeys, uniqueKey) is { } holder)
                {
                    throw new StoreDuplicateException(operation.Target, operation.Id, entry.Name, entry.Key, holder["r"].AsString);
                }

                changes.Put(LiteDbSchema.UniqueKeys, new BsonDocument { ["_id"] = uniqueKey, ["r"] = operation.Id }, current: null);
            }

            var entryKey = LiteDbKeys.Entry(LiteDbKeys.EntryPrefix(tenant, operation.Target, entry.Name, entry.Key), entry.Sort, operation.Id);
            changes.Put(LiteDbSchema.Entries, new BsonDocument { ["_id"] = entryKey, ["r"] = operation.Id }, current: null);
            entries.Add(new BsonDocument { ["n"] = entry.Name, ["k"] = entry.Key, ["s"] = entry.Sort, ["u"] = entry.IsUnique });
        }

        var document = new BsonDocument { ["_id"] = key, ["v"] = version, ["p"] = operation.Payload! };
        if (entries.Count > 0)
        {
            document["e"] = entries;
        }

        changes.Put(LiteDbSchema.Records, document, current);
        return version;
    }

    private static void RemoveEntries(LiteDbChanges changes, string tenant, WriteOperation operation, BsonDocument current)
    {
        if (!current.TryGetValue("e", out var listed))
        {
            return;
        }

        foreach (var item in listed.AsArray)
        {
            var entry = item.AsDocument;
            var name = entry["n"].AsString;
            var key = entry["k"].AsString;
            changes.Remove(LiteDbSchema.Entries, LiteDbKeys.Entry(LiteDbKeys.EntryPrefix(tenant, operation.Target, name, key), entry["s"].AsInt64, operation.Id));
            if (entry["u"].AsBoolean)
            {
                changes.Remove(LiteDbSchema.UniqueKeys, LiteDbKeys.Unique(tenant, operation.Target, name, key));
            }
        }
    }

    private static long Append(LiteDbChanges changes, string tenant, WriteOperation operation, long now)
    {
        var logKey = LiteDbKeys.Log(tenant, operation.Target);
        var head = changes.Get(LiteDbSchema.EventHeads, logKey);
        var sequence = (head?["s"].AsInt64 ?? 0) + 1;
        changes.Put(LiteDbSchema.EventHeads, new BsonDocument { ["_id"] = logKey, ["s"] = sequence }, head);
        changes.Put(LiteDbSchema.Events, new BsonDocument { ["_id"] = LiteDbKeys.Event(logKey, sequence), ["a"] = now, ["p"] = operation.Payload! }, current: null);
        return sequence;
    }
}
