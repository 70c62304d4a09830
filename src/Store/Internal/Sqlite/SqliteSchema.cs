namespace JourneyGrpc.Store.Internal.Sqlite;

/// <summary>
/// The SQLite schema, forward-only: never edit a released step, add the next one. Lookups use primary
/// keys (WITHOUT ROWID tables are the index themselves); payloads sit in rowid tables. From version 3 a
/// record lists its index entries (<see cref="RecordWriteSql.ListedOnRecord"/>) instead of an index by record.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>The version from which records list their index entries.</summary>
    internal const int EntriesListedOnRecord = 3;

    internal static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "records and index entries", """
            CREATE TABLE records (
                tenant TEXT NOT NULL, collection TEXT NOT NULL, id TEXT NOT NULL,
                version INTEGER NOT NULL, payload BLOB NOT NULL,
                PRIMARY KEY (tenant, collection, id));
            CREATE TABLE record_index (
                tenant TEXT NOT NULL, collection TEXT NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL,
                sort INTEGER NOT NULL, id TEXT NOT NULL,
                PRIMARY KEY (tenant, collection, name, key, sort, id)) WITHOUT ROWID;
            CREATE INDEX record_index_by_record ON record_index (tenant, collection, id);
            CREATE TABLE unique_keys (
                tenant TEXT NOT NULL, collection TEXT NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL, id TEXT NOT NULL,
                PRIMARY KEY (tenant, collection, name, key)) WITHOUT ROWID;
            CREATE INDEX unique_keys_by_record ON unique_keys (tenant, collection, id);
            """),
        new(2, "event logs", """
            CREATE TABLE event_heads (
                tenant TEXT NOT NULL, log TEXT NOT NULL, last_seq INTEGER NOT NULL,
                PRIMARY KEY (tenant, log)) WITHOUT ROWID;
            CREATE TABLE events (
                tenant TEXT NOT NULL, log TEXT NOT NULL, seq INTEGER NOT NULL,
                appended_at INTEGER NOT NULL, payload BLOB NOT NULL,
                PRIMARY KEY (tenant, log, seq));
            """),
        new(EntriesListedOnRecord, "index entries listed on their record", """
            ALTER TABLE records ADD COLUMN entries TEXT;
            UPDATE records SET entries = (
                SELECT json_group_array(json_array(i.name, i.key, i.sort)) FROM record_index i
                WHERE i.tenant = records.tenant AND i.collection = records.collection AND i.id = records.id)
            WHERE EXISTS (
                SELECT 1 FROM record_index i
                WHERE i.tenant = records.tenant AND i.collection = records.collection AND i.id = records.id);
            DROP INDEX record_index_by_record;
            """),
    ];
}
