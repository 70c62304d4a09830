using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Store.Internal.Sqlite;

/// <summary>
/// One SQLite file in WAL mode. The single writer connection runs with <c>synchronous=FULL</c>, so a
/// commit returns only after the WAL is synced to disk; readers use pooled connections of their own,
/// which WAL lets read while the writer writes.
/// </summary>
internal sealed class SqliteBackend : IStoreBackend
{
    private readonly string _writerConnectionString;
    private readonly string _readerConnectionString;
    private readonly TimeSpan _busyTimeout;
    private readonly long? _maxPageCount;
    private readonly SqliteCheckpointer? _checkpointer;

    internal SqliteBackend(JourneyStoreOptions options, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        FullPath = Path.GetFullPath(options.SqlitePath);
        _busyTimeout = options.BusyTimeout;
        _maxPageCount = options.SqliteMaxPageCount;
        var timeoutSeconds = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds));
        _writerConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = timeoutSeconds,
        }.ToString();
        _readerConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FullPath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = true,
            DefaultTimeout = timeoutSeconds,
        }.ToString();
        if (timeProvider is not null && logger is not null)
        {
            var checkpoints = new SqliteConnectionStringBuilder(_writerConnectionString) { Mode = SqliteOpenMode.ReadWrite }.ToString();
            _checkpointer = new SqliteCheckpointer(checkpoints, Description, timeProvider, logger);
        }
    }

    internal string FullPath { get; }

    public string Description => $"SQLite store {FullPath}";

    public IReadOnlyList<Migration> Migrations => SqliteSchema.Migrations;

    public RecordWriteSql RecordWritesAt(int schemaVersion) =>
        schemaVersion >= SqliteSchema.EntriesListedOnRecord ? RecordWriteSql.ListedOnRecord : RecordWriteSql.IndexedByRecord;

    public string? MigrationLockSql => null;

    public string? NotifySql => null;

    public TimeSpan? EventPollInterval => null;

    public async Task<DbConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(FullPath)!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StoreFailureException(StoreFailure.Unreachable, $"The folder of the {Description} cannot be created: {ex.Message} Check Store:SqlitePath.", ex);
        }

        var connection = new SqliteConnection(_writerConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await Pragma(connection, "busy_timeout = " + ((long)_busyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
            var mode = await Sql.Command(connection, null, "PRAGMA journal_mode = WAL").ScalarAsync(cancellationToken).ConfigureAwait(false) as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new StoreFailureException(StoreFailure.ReadOnly, $"The {Description} cannot be switched to WAL mode (it stays '{mode}'): the file or its folder is read-only.");
            }

            // FULL: the WAL is synced at every commit, so an acknowledged write survives power loss
            // (NORMAL would only survive a process crash). https://sqlite.org/pragma.html#pragma_synchronous
            await Pragma(connection, "synchronous = FULL", cancellationToken).ConfigureAwait(false);
            // Checkpoints run beside the writer (SqliteCheckpointer); this only bounds the WAL if they cannot.
            await Pragma(connection, _checkpointer is null ? "wal_autocheckpoint = 1000" : "wal_autocheckpoint = 20000", cancellationToken).ConfigureAwait(false);
            _checkpointer?.Start();
            if (_maxPageCount is { } pages)
            {
                await Pragma(connection, "max_page_count = " + pages.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<DbConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_readerConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // Deferred: a read takes no lock until its first SELECT, and never the write lock.
    public Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    public Task StartEventSignalsAsync(EventSignals signals, CancellationToken cancellationToken) => Task.CompletedTask;

    public StoreFailureException? TranslateFailure(Exception exception) => SqliteFailures.Translate(exception, Description, FullPath, _busyTimeout);

    public bool IsTransientConflict(Exception exception) => false;

    public async ValueTask DisposeAsync()
    {
        if (_checkpointer is not null)
        {
            await _checkpointer.DisposeAsync().ConfigureAwait(false);
        }

        // Pooled reader connections keep the file open (and its WAL un-checkpointed) until cleared.
        SqliteConnection.ClearPool(new SqliteConnection(_readerConnectionString));
    }

    private static Task<int> Pragma(SqliteConnection connection, string pragma, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(connection, null, "PRAGMA " + pragma, cancellationToken);
}
