using System.Globalization;
using LiteDB;
using LiteDB.Engine;

namespace JourneyGrpc.Store.Internal.LiteDb;

/// <summary>
/// LiteDB has no <c>integrity_check</c>; this reads every document of every collection (so every page is
/// read and decoded) and checks that they agree: each record has a version and a payload, the index
/// entries and unique keys are exactly those the records list, and each log has events 1…head, no gaps.
/// </summary>
internal static class LiteDbIntegrity
{
    /// <summary>"ok", or what is wrong.</summary>
    internal static string Check(LiteEngine engine)
    {
        try
        {
            long listedEntries = 0, listedUnique = 0;
            foreach (var record in All(engine, LiteDbSchema.Records))
            {
                if (!record.TryGetValue("v", out var version) || !version.IsInt64 || version.AsInt64 < 1 || !record.TryGetValue("p", out var payload) || !payload.IsBinary)
                {
                    return $"record {record["_id"]} has no valid version or payload";
                }

                if (record.TryGetValue("e", out var entries))
                {
                    listedEntries += entries.AsArray.Count;
                    listedUnique += entries.AsArray.Count(e => e.AsDocument["u"].AsBoolean);
                }
            }

            var indexEntries = All(engine, LiteDbSchema.Entries).LongCount();
            if (indexEntries != listedEntries)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{indexEntries} index entries, but the records list {listedEntries}");
            }

            var uniqueKeys = All(engine, LiteDbSchema.UniqueKeys).LongCount();
            if (uniqueKeys != listedUnique)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{uniqueKeys} unique keys, but the records list {listedUnique}");
            }

            // Event keys are the log key, the separator and 16 hex digits.
            var events = All(engine, LiteDbSchema.Events)
                .GroupBy(e => e["_id"].AsString[..^17], StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.LongCount(), StringComparer.Ordinal);
            foreach (var head in All(engine, LiteDbSchema.EventHeads))
            {
                var last = head["s"].AsInt64;
                if (events.GetValueOrDefault(head["_id"].AsString) != last)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"log {head["_id"]} ends at sequence {last} but holds {events.GetValueOrDefault(head["_id"].AsString)} events");
                }
            }

            _ = All(engine, LiteDbSchema.History).Count();
            return "ok";
        }
        catch (Exception ex) when (ex is LiteException or InvalidCastException or IOException)
        {
            return "unreadable: " + ex.Message;
        }
    }

    private static IEnumerable<BsonDocument> All(LiteEngine engine, string collection)
    {
        using var reader = engine.Query(collection, new Query());
        while (reader.Read())
        {
            yield return reader.Current.AsDocument;
        }
    }
}
