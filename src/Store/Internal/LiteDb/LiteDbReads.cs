using LiteDB;
using LiteDB.Engine;

namespace JourneyGrpc.Store.Internal.LiteDb;

/// <summary>
/// The reads, synchronous and on the calling thread (LiteDB binds a transaction to its thread, so no read
/// spans an await). Every one is a lookup or a range of one <c>_id</c> index: a page of a single index key
/// walks its range in order and stops at the page's end; the total counts the range's keys only.
/// </summary>
internal static class LiteDbReads
{
    // Values go in as parameters: LiteDB caches each expression text it compiles, for good.
    private const string ById = "_id = @0";
    private const string Between = "_id BETWEEN @0 AND @1";
    private const string Count = "{ count: COUNT(*._id) }";

    internal static BsonDocument? FindById(LiteEngine engine, string collection, string id)
    {
        using var reader = engine.Query(collection, new Query { Where = { BsonExpression.Create(ById, id) } });
        return reader.Read() ? reader.Current.AsDocument : null;
    }

    internal static StoredRecord? Get(LiteEngine engine, string tenant, string collection, string id) =>
        FindById(engine, LiteDbSchema.Records, LiteDbKeys.Record(tenant, collection, id)) is { } document ? ToRecord(collection, id, document) : null;

    internal static List<StoredRecord> GetMany(LiteEngine engine, string tenant, string collection, IEnumerable<string> ids)
    {
        var records = new List<StoredRecord>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (Get(engine, tenant, collection, id) is { } record)
            {
                records.Add(record);
            }
        }

        return records;
    }

    internal static RecordPage Find(LiteEngine engine, string tenant, IndexQuery query)
    {
        if (query.Keys.Count == 1)
        {
            var range = Range(tenant, query, query.Keys[0]);
            var ids = new List<string>(Math.Min(query.Limit, 256));
            using (var reader = engine.Query(LiteDbSchema.Entries, new Query
            {
                Where = { range },
                OrderBy = "_id",
                Order = query.Descending ? Query.Descending : Query.Ascending,
                Offset = query.Offset,
                Limit = query.Limit,
            }))
            {
                while (reader.Read())
                {
                    ids.Add(reader.Current["r"].AsString);
                }
            }

            long total;
            using (var reader = engine.Query(LiteDbSchema.Entries, new Query { Where = { range }, Select = BsonExpression.Create(Count) }))
            {
                total = reader.Read() ? reader.Current["count"].AsInt64 : 0;
            }

            return new RecordPage(GetMany(engine, tenant, query.Collection, ids), total);
        }

        // Several keys: each range once, a record kept at its highest (or lowest) sort value, then one sort.
        var best = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var key in query.Keys.Distinct(StringComparer.Ordinal))
        {
            using var reader = engine.Query(LiteDbSchema.Entries, new Query { Where = { Range(tenant, query, key) } });
            while (reader.Read())
            {
                var id = reader.Current["r"].AsString;
                var sort = SortOf(reader.Current["_id"].AsString, id);
                if (!best.TryGetValue(id, out var kept) || (query.Descending ? sort > kept : sort < kept))
                {
                    best[id] = sort;
                }
            }
        }

        var ordered = query.Descending
            ? best.OrderByDescending(m => m.Value).ThenByDescending(m => m.Key, StringComparer.Ordinal)
            : best.OrderBy(m => m.Value).ThenBy(m => m.Key, StringComparer.Ordinal);
        var page = ordered.Skip(query.Offset).Take(query.Limit).Select(m => m.Key);
        return new RecordPage(GetMany(engine, tenant, query.Collection, page), best.Count);
    }

    internal static List<StoredEvent> ReadEvents(LiteEngine engine, string tenant, string log, long afterSequence, int maxCount)
    {
        var logKey = LiteDbKeys.Log(tenant, log);
        var events = new List<StoredEvent>();
        using var reader = engine.Query(LiteDbSchema.Events, new Query
        {
            Where = { BsonExpression.Create(Between, LiteDbKeys.Event(logKey, afterSequence + 1), LiteDbKeys.Event(logKey, long.MaxValue)) },
            OrderBy = "_id",
            Order = Query.Ascending,
            Limit = maxCount,
        });
        var sequence = afterSequence;
        while (reader.Read())
        {
            var document = reader.Current.AsDocument;
            events.Add(new StoredEvent(++sequence, DateTimeOffset.FromUnixTimeMilliseconds(document["a"].AsInt64), document["p"].AsBinary));
        }

        return events;
    }

    internal static long LogHead(LiteEngine engine, string tenant, string log) =>
        FindById(engine, LiteDbSchema.EventHeads, LiteDbKeys.Log(tenant, log))?["s"].AsInt64 ?? 0;

    private static BsonExpression Range(string tenant, IndexQuery query, string key)
    {
        var prefix = LiteDbKeys.EntryPrefix(tenant, query.Collection, query.Index, key);
        return BsonExpression.Create(Between, LiteDbKeys.EntryFrom(prefix, query.SortFrom), LiteDbKeys.EntryTo(prefix, query.SortTo));
    }

    /// <summary>The sort value inside an entry key: the 16 hex digits before the separator that precedes the id.</summary>
    private static long SortOf(string entryKey, string id)
    {
        var end = entryKey.Length - id.Length - 1;
        return (long)(Convert.ToUInt64(entryKey[(end - 16)..end], 16) ^ 0x8000_0000_0000_0000UL);
    }

    private static StoredRecord ToRecord(string collection, string id, BsonDocument document) =>
        new(collection, id, document["v"].AsInt64, document["p"].AsBinary);
}
