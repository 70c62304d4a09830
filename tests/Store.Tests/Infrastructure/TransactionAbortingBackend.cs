using System.Data.Common;
using JourneyGrpc.Store.Internal;
using JourneyGrpc.Store.Internal.Sqlite;
using Microsoft.Data.Sqlite;

namespace JourneyGrpc.Store.Tests.Infrastructure;

/// <summary>
/// A SQLite store whose statements failing with <see cref="Message"/> (raised by a test's trigger) count as
/// a conflict that aborted the whole transaction, as a PostgreSQL deadlock does.
/// </summary>
internal sealed class TransactionAbortingBackend(SqliteBackend inner) : IStoreBackend
{
    internal const string Message = "deadlock detected (test)";

    public string Description => inner.Description;

    public IReadOnlyList<Migration> Migrations => inner.Migrations;

    public string? MigrationLockSql => inner.MigrationLockSql;

    public string? NotifySql => inner.NotifySql;

    public TimeSpan? EventPollInterval => inner.EventPollInterval;

    public RecordWriteSql RecordWritesAt(int schemaVersion) => inner.RecordWritesAt(schemaVersion);

    public Task<DbConnection> OpenWriterAsync(CancellationToken cancellationToken) => inner.OpenWriterAsync(cancellationToken);

    public Task<DbConnection> OpenReaderAsync(CancellationToken cancellationToken) => inner.OpenReaderAsync(cancellationToken);

    public Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) => inner.BeginSnapshotAsync(connection, cancellationToken);

    public Task StartEventSignalsAsync(EventSignals signals, CancellationToken cancellationToken) => inner.StartEventSignalsAsync(signals, cancellationToken);

    public StoreFailureException? TranslateFailure(Exception exception) => inner.TranslateFailure(exception);

    public bool IsTransientConflict(Exception exception) => exception is SqliteException sqlite && sqlite.Message.Contains(Message, StringComparison.Ordinal);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
