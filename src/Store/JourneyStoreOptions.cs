namespace JourneyGrpc.Store;

/// <summary>Which database the store uses and how it writes; bound from configuration section <c>Store</c>.</summary>
public sealed class JourneyStoreOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Store";

    /// <summary>The value of <see cref="Provider"/> for the embedded SQLite file.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>The value of <see cref="Provider"/> for a PostgreSQL server.</summary>
    public const string Postgres = "postgres";

    /// <summary>The value of <see cref="Provider"/> for the embedded LiteDB file.</summary>
    public const string LiteDb = "litedb";

    /// <summary><c>sqlite</c> (default), <c>litedb</c> or <c>postgres</c>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>The SQLite file, relative to the working directory; its folder is created. Default <c>./data/journeygrpc.db</c>.</summary>
    public string SqlitePath { get; set; } = "./data/journeygrpc.db";

    /// <summary>The LiteDB file, relative to the working directory; its folder is created, its log is <c>…-log.litedb</c> beside it. Default <c>./data/journeygrpc.litedb</c>.</summary>
    public string LiteDbPath { get; set; } = "./data/journeygrpc.litedb";

    /// <summary>An Npgsql connection string (<c>Host=…;Database=…;Username=…</c>); required for <c>postgres</c>.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>
    /// Group commit (default true): one writer commits every batch waiting in one transaction. False
    /// commits each batch in its own transaction (for comparison; much slower under concurrency).
    /// </summary>
    public bool GroupCommit { get; set; } = true;

    /// <summary>The most batches one group commit takes, 1 to 10000 (default 512).</summary>
    public int MaxBatchesPerCommit { get; set; } = 512;

    /// <summary>How long SQLite waits for a lock another process holds before failing with <see cref="StoreFailure.Locked"/>, 1 s to 10 min (default 5 s).</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>SQLite only, for tests: caps the file at this many pages to simulate a full disk.</summary>
    internal long? SqliteMaxPageCount { get; set; }

    /// <summary>LiteDB only, for tests: the log file may not grow beyond this many bytes, to simulate a full disk.</summary>
    internal long? LiteDbMaxLogBytes { get; set; }

    /// <summary>For tests: migrate no further than this schema version, as an older server would.</summary>
    internal int? SchemaTargetVersion { get; set; }

    /// <summary>The configuration key of a property, e.g. <c>Store:SqlitePath</c>.</summary>
    internal static string Key(string property) => $"{SectionName}:{property}";
}
