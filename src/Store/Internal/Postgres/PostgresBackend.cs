using System.Data;
using System.Data.Common;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace JourneyGrpc.Store.Internal.Postgres;

/// <summary>
/// A PostgreSQL database shared by server replicas. Each replica has one writer connection (group
/// commit), pooled reader connections, and one LISTEN connection that turns other replicas' appends
/// into local wake-ups.
/// </summary>
internal sealed class PostgresBackend : IStoreBackend
{
    /// <summary>The NOTIFY channel; the payload is tenant U+001F log.</summary>
    internal const string Channel = "journeygrpc_events";

    // Any constant works: every replica takes the same transaction-scoped advisory lock around migrations.
    private const long MigrationLockKey = 0x4A6F75726E6579;

    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresEventListener _listener;

    internal PostgresBackend(JourneyStoreOptions options, TimeProvider timeProvider, ILogger logger)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.PostgresConnectionString);
        Description = $"PostgreSQL store {builder.Host}:{builder.Port}/{builder.Database}";
        // Prepared once per connection and text, the writer's and readers' statements skip parse and plan.
        _dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(builder.ConnectionString)
        {
            MaxAutoPrepare = builder.MaxAutoPrepare > 0 ? builder.MaxAutoPrepare : 64,
        });

        // Its own unpooled connection: a pooled one would be reset (UNLISTEN) when returned.
        var listen = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Pooling = false, KeepAlive = 15 };
        _listener = new PostgresEventListener(NpgsqlDataSource.Create(listen), Description, timeProvider, logger);
    }

    public string Description { get; }

    public IReadOnlyList<Migration> Migrations => PostgresSchema.Migrations;

    public RecordWriteSql RecordWritesAt(int schemaVersion) => RecordWriteSql.IndexedByRecord;

    public string? MigrationLockSql => $"SELECT pg_advisory_xact_lock({MigrationLockKey})";

    // Sent at commit, and dropped with a batch rolled back to its savepoint.
    public string? NotifySql => $"SELECT pg_notify('{Channel}', @n)";

    // A safety net only: notifications wake waiters within milliseconds.
    public TimeSpan? EventPollInterval => TimeSpan.FromSeconds(5);

    public async Task<DbConnection> OpenWriterAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public async Task<DbConnection> OpenReaderAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

    public Task StartEventSignalsAsync(EventSignals signals, CancellationToken cancellationToken) => _listener.StartAsync(signals, cancellationToken);

    public StoreFailureException? TranslateFailure(Exception exception) => PostgresFailures.Translate(exception, Description);

    public bool IsTransientConflict(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected };

    public async ValueTask DisposeAsync()
    {
        await _listener.DisposeAsync().ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }
}
