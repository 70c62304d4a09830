using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Store.Internal;

/// <summary>
/// Brings the schema to the newest version this build knows, in one transaction at start-up: versions
/// already applied (listed in <c>schema_migrations</c>) are skipped, so it is idempotent, and a store
/// created by an older build opens in a newer one. It only goes forward: a schema newer than this build
/// is refused rather than guessed at.
/// </summary>
internal static class Migrator
{
    private const string CreateHistory =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";

    private const string CurrentVersion = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";

    private const string RecordVersion = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @at)";

    /// <summary>Applies what is missing up to <paramref name="targetVersion"/> (default: the newest); returns the schema version.</summary>
    internal static async Task<int> MigrateAsync(
        DbConnection connection, IStoreBackend backend, TimeProvider timeProvider, ILogger logger, int? targetVersion, CancellationToken cancellationToken)
    {
        var migrations = backend.Migrations;
        var newest = migrations[^1].Version;
        var target = targetVersion ?? newest;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (backend.MigrationLockSql is { } lockSql)
        {
            await Sql.ExecuteAsync(connection, transaction, lockSql, cancellationToken).ConfigureAwait(false);
        }

        await Sql.ExecuteAsync(connection, transaction, CreateHistory, cancellationToken).ConfigureAwait(false);
        var current = (int)(await Sql.Command(connection, transaction, CurrentVersion).ScalarInt64Async(cancellationToken).ConfigureAwait(false) ?? 0);
        if (current > newest)
        {
            throw new StoreFailureException(
                StoreFailure.SchemaTooNew,
                $"The {backend.Description} has schema version {current}, but this server knows versions up to {newest}: it was written by a newer server. "
                + "Run that version (migrations only go forward) or restore a backup made by this one.");
        }

        var applied = new List<Migration>();
        foreach (var migration in migrations.Where(m => m.Version > current && m.Version <= target))
        {
            await Sql.ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
            await Sql.Command(connection, transaction, RecordVersion)
                .With("@v", migration.Version).With("@n", migration.Name).With("@at", timeProvider.GetUtcNow().ToUnixTimeMilliseconds())
                .RunAsync(cancellationToken).ConfigureAwait(false);
            applied.Add(migration);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var migration in applied)
        {
            StoreLog.MigrationApplied(logger, migration.Version, migration.Name, backend.Description);
        }

        return Math.Max(current, applied.Count > 0 ? applied[^1].Version : current);
    }
}
