namespace JourneyGrpc.Store.Internal;

/// <summary>
/// The statements both databases run (SQLite ≥ 3.35 and PostgreSQL ≥ 9.5 share ON CONFLICT and
/// RETURNING). Every statement names the tenant first, and every key is a prefix of a primary key or
/// index (see the migrations), so none scans a table.
/// </summary>
internal static class StoreSql
{
    internal const string InsertRecord =
        "INSERT INTO records (tenant, collection, id, version, payload) VALUES (@t, @c, @id, 1, @p) ON CONFLICT (tenant, collection, id) DO NOTHING";

    internal const string UpdateRecord =
        "UPDATE records SET version = version + 1, payload = @p WHERE tenant = @t AND collection = @c AND id = @id AND version = @v";

    internal const string UpsertRecord =
        "INSERT INTO records (tenant, collection, id, version, payload) VALUES (@t, @c, @id, 1, @p) "
        + "ON CONFLICT (tenant, collection, id) DO UPDATE SET version = records.version + 1, payload = excluded.payload RETURNING version";

    internal const string DeleteRecord = "DELETE FROM records WHERE tenant = @t AND collection = @c AND id = @id";

    internal const string DeleteRecordAtVersion = DeleteRecord + " AND version = @v";

    internal const string RecordVersion = "SELECT version FROM records WHERE tenant = @t AND collection = @c AND id = @id";

    internal const string GetRecord = "SELECT version, payload FROM records WHERE tenant = @t AND collection = @c AND id = @id";

    internal const string DeleteIndexEntries = "DELETE FROM record_index WHERE tenant = @t AND collection = @c AND id = @id";

    // SQLite (schema 3): a record lists its index entries in @e, JSON [[name, key, sort], …] (IndexEntriesJson),
    // so replacing them deletes by primary key and no index by record id has to be written on every insert.
    internal const string InsertRecordListingEntries =
        "INSERT INTO records (tenant, collection, id, version, payload, entries) VALUES (@t, @c, @id, 1, @p, @e) ON CONFLICT (tenant, collection, id) DO NOTHING";

    internal const string UpdateRecordListingEntries =
        "UPDATE records SET version = version + 1, payload = @p, entries = @e WHERE tenant = @t AND collection = @c AND id = @id AND version = @v";

    internal const string UpsertRecordListingEntries =
        "INSERT INTO records (tenant, collection, id, version, payload, entries) VALUES (@t, @c, @id, 1, @p, @e) "
        + "ON CONFLICT (tenant, collection, id) DO UPDATE SET version = records.version + 1, payload = excluded.payload, entries = excluded.entries RETURNING version";

    /// <summary>Deletes the entries the record lists; run before the record changes.</summary>
    internal const string DeleteListedIndexEntries = DeleteListedIndexEntriesOf + ")";

    /// <summary>Like <see cref="DeleteListedIndexEntries"/>, only if the record is at version @v (else nothing changes and the write fails next).</summary>
    internal const string DeleteListedIndexEntriesAtVersion = DeleteListedIndexEntriesOf + " AND r.version = @v)";

    private const string DeleteListedIndexEntriesOf =
        "DELETE FROM record_index WHERE (tenant, collection, name, key, sort, id) IN ("
        + "SELECT r.tenant, r.collection, e.value ->> 0, e.value ->> 1, e.value ->> 2, r.id FROM records r, json_each(r.entries) e "
        + "WHERE r.tenant = @t AND r.collection = @c AND r.id = @id";

    private static readonly string[] InsertIndexEntriesByCount = [.. Enumerable.Range(0, 17).Select(BuildInsertIndexEntries)];

    /// <summary>
    /// One statement for all of a record's entries (parameters @n0, @k0, @s0, @n1…): the writer is
    /// CPU-bound under group commit, and statements are most of its cost.
    /// </summary>
    internal static string InsertIndexEntries(int count) =>
        count < InsertIndexEntriesByCount.Length ? InsertIndexEntriesByCount[count] : BuildInsertIndexEntries(count);

    internal const string DeleteUniqueKeys = "DELETE FROM unique_keys WHERE tenant = @t AND collection = @c AND id = @id";

    internal const string InsertUniqueKey =
        "INSERT INTO unique_keys (tenant, collection, name, key, id) VALUES (@t, @c, @n, @k, @id) ON CONFLICT DO NOTHING";

    internal const string UniqueKeyOwner = "SELECT id FROM unique_keys WHERE tenant = @t AND collection = @c AND name = @n AND key = @k";

    // The head row is locked until commit, so on PostgreSQL a second appender to the same log waits:
    // sequences are gapless (a rollback undoes the increment) and commit in sequence order.
    internal const string NextSequence =
        "INSERT INTO event_heads (tenant, log, last_seq) VALUES (@t, @l, 1) "
        + "ON CONFLICT (tenant, log) DO UPDATE SET last_seq = event_heads.last_seq + 1 RETURNING last_seq";

    internal const string InsertEvent =
        "INSERT INTO events (tenant, log, seq, appended_at, payload) VALUES (@t, @l, @s, @at, @p)";

    internal const string LogHead = "SELECT last_seq FROM event_heads WHERE tenant = @t AND log = @l";

    internal const string ReadEvents =
        "SELECT seq, appended_at, payload FROM events WHERE tenant = @t AND log = @l AND seq > @after ORDER BY seq LIMIT @max";

    private static string BuildInsertIndexEntries(int count) =>
        "INSERT INTO record_index (tenant, collection, name, key, sort, id) VALUES "
        + string.Join(", ", Enumerable.Range(0, count).Select(i => FormattableString.Invariant($"(@t, @c, @n{i}, @k{i}, @s{i}, @id)")))
        + " ON CONFLICT DO NOTHING";
}
