namespace JourneyGrpc.Store.Internal.Postgres;

/// <summary>
/// The PostgreSQL schema, forward-only: never edit a released step, add the next one. Text keys use the
/// "C" collation, so ids and keys sort by code point as they do in SQLite, whatever the database locale.
/// </summary>
internal static class PostgresSchema
{
    internal static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "records and index entries", """
            CREATE TABLE records (
                tenant TEXT COLLATE "C" NOT NULL, collection TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL,
                version BIGINT NOT NULL, payload BYTEA NOT NULL,
                PRIMARY KEY (tenant, collection, id));
            CREATE TABLE record_index (
                tenant TEXT COLLATE "C" NOT NULL, collection TEXT COLLATE "C" NOT NULL, name TEXT COLLATE "C" NOT NULL, key TEXT COLLATE "C" NOT NULL,
                sort BIGINT NOT NULL, id TEXT COLLATE "C" NOT NULL,
                PRIMARY KEY (tenant, collection, name, key, sort, id));
            CREATE INDEX record_index_by_record ON record_index (tenant, collection, id);
            CREATE TABLE unique_keys (
                tenant TEXT COLLATE "C" NOT NULL, collection TEXT COLLATE "C" NOT NULL, name TEXT COLLATE "C" NOT NULL, key TEXT COLLATE "C" NOT NULL,
                id TEXT COLLATE "C" NOT NULL,
                PRIMARY KEY (tenant, collection, name, key));
            CREATE INDEX unique_keys_by_record ON unique_keys (tenant, collection, id);
            """),
        new(2, "event logs", """
            CREATE TABLE event_heads (
                tenant TEXT COLLATE "C" NOT NULL, log TEXT COLLATE "C" NOT NULL, last_seq BIGINT NOT NULL,
                PRIMARY KEY (tenant, log));
            CREATE TABLE events (
                tenant TEXT COLLATE "C" NOT NULL, log TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL,
                appended_at BIGINT NOT NULL, payload BYTEA NOT NULL,
                PRIMARY KEY (tenant, log, seq));
            """),
    ];
}
