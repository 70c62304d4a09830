using System.Data.Common;

namespace JourneyGrpc.Store.Internal;

/// <summary>What differs between SQLite and PostgreSQL; everything else (SQL, group commit, reads) is shared.</summary>
internal interface IStoreBackend : IAsyncDisposable
{
    /// <summary>Names the database in messages and logs, e.g. <c>SQLite store /srv/data/journeygrpc.db</c>.</summary>
    string Description { get; }

    /// <summary>The schema, oldest first.</summary>
    IReadOnlyList<Migration> Migrations { get; }

    /// <summary>The statements that write records and replace their index entries in a database at <paramref name="schemaVersion"/>.</summary>
    RecordWriteSql RecordWritesAt(int schemaVersion);

    /// <summary>Run first in the migration transaction so that replicas starting together migrate one at a time.</summary>
    string? MigrationLockSql { get; }

    /// <summary>Run in the write transaction after a batch appends to a log (parameter <c>@n</c>: tenant U+001F log); null when waiters are only in this process.</summary>
    string? NotifySql { get; }

    /// <summary>How often waiters re-read a log head even without a signal; null to rely on signals alone.</summary>
    TimeSpan? EventPollInterval { get; }

    /// <summary>Opens the connection of the single writer.</summary>
    Task<DbConnection> OpenWriterAsync(CancellationToken cancellationToken);

    /// <summary>Opens (or takes from the pool) a connection for reads.</summary>
    Task<DbConnection> OpenReaderAsync(CancellationToken cancellationToken);

    /// <summary>Begins a read-only transaction that sees one snapshot and takes no write lock.</summary>
    Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Starts cross-process wake-ups (PostgreSQL LISTEN); returns once they are live.</summary>
    Task StartEventSignalsAsync(EventSignals signals, CancellationToken cancellationToken);

    /// <summary>A <see cref="StoreFailureException"/> describing <paramref name="exception"/>, or null if it is not a database failure.</summary>
    StoreFailureException? TranslateFailure(Exception exception);

    /// <summary>True for a transaction conflict the database resolved by aborting this statement (deadlock, serialization failure).</summary>
    bool IsTransientConflict(Exception exception);
}
