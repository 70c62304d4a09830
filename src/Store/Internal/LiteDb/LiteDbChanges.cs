using LiteDB;
using LiteDB.Engine;

namespace JourneyGrpc.Store.Internal.LiteDb;

/// <summary>
/// Reads and writes of one batch inside the writer's open transaction. LiteDB has no savepoints, so when
/// several batches share a transaction each change first records the document as it was before the batch
/// (<see cref="Undo"/> restores them), and a batch that conflicts is undone alone. A conflict is found
/// by reading before writing, never by a LiteDB error: an error inside a transaction rolls it all back.
/// </summary>
internal sealed class LiteDbChanges(LiteEngine engine)
{
    private readonly Dictionary<(string Collection, string Id), BsonDocument?> _before = [];
    private bool _tracking;

    /// <summary>Starts a batch; with <paramref name="undoable"/> its changes can be undone.</summary>
    internal void BeginBatch(bool undoable)
    {
        _before.Clear();
        _tracking = undoable;
    }

    internal BsonDocument? Get(string collection, string id) => LiteDbReads.FindById(engine, collection, id);

    /// <summary>Inserts or replaces <paramref name="document"/>; <paramref name="current"/> is what the transaction holds under its id now.</summary>
    internal void Put(string collection, BsonDocument document, BsonDocument? current)
    {
        Track(collection, document["_id"].AsString, current);
        if (current is null)
        {
            engine.Insert(collection, [document], BsonAutoId.ObjectId);
        }
        else
        {
            engine.Update(collection, [document]);
        }
    }

    /// <summary>Deletes the document <paramref name="current"/>.</summary>
    internal void Remove(string collection, BsonDocument current)
    {
        var id = current["_id"].AsString;
        Track(collection, id, current);
        engine.Delete(collection, [id]);
    }

    /// <summary>Deletes the document <paramref name="id"/> if there is one.</summary>
    internal void Remove(string collection, string id)
    {
        if (_tracking)
        {
            if (Get(collection, id) is { } current)
            {
                Remove(collection, current);
            }
        }
        else
        {
            engine.Delete(collection, [id]);
        }
    }

    /// <summary>Puts back every document the batch changed, as it was before the batch.</summary>
    internal void Undo()
    {
        foreach (var ((collection, id), before) in _before)
        {
            if (before is null)
            {
                engine.Delete(collection, [id]);
            }
            else
            {
                engine.Upsert(collection, [before], BsonAutoId.ObjectId);
            }
        }

        _before.Clear();
    }

    private void Track(string collection, string id, BsonDocument? current)
    {
        if (_tracking)
        {
            // The first change wins: it saw the document as it was before the batch.
            _before.TryAdd((collection, id), current);
        }
    }
}
