using JourneyGrpc.Store.Internal;
using JourneyGrpc.Store.Internal.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JourneyGrpc.Store;

/// <summary>
/// Online backup of the SQLite store: a consistent copy taken through SQLite's backup API while a
/// server keeps writing (https://sqlite.org/backup.html). PostgreSQL is backed up with its own tools.
/// </summary>
public static class SqliteBackup
{
    /// <summary>Copies the store of <paramref name="options"/> to <paramref name="destination"/> (a new file), checks the copy, and returns its size in bytes.</summary>
    public static long Run(JourneyStoreOptions options, string destination, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        JourneyStoreOptionsValidator.ThrowIfInvalid(options);
        if (JourneyStoreOptionsValidator.IsPostgres(options))
        {
            throw new InvalidOperationException(
                $"{JourneyStoreOptions.Key(nameof(options.Provider))} is '{JourneyStoreOptions.Postgres}': the backup command copies the SQLite or LiteDB store; back up PostgreSQL with pg_dump or pg_basebackup.");
        }

        if (JourneyStoreOptionsValidator.IsLiteDb(options))
        {
            throw new InvalidOperationException($"{JourneyStoreOptions.Key(nameof(options.Provider))} is '{JourneyStoreOptions.LiteDb}': copy it with {nameof(LiteDbBackup)}.");
        }

        var backend = new SqliteBackend(options);
        var source = backend.FullPath;
        var target = Path.GetFullPath(destination);
        if (!File.Exists(source))
        {
            throw new StoreFailureException(StoreFailure.Unreachable, $"There is no SQLite store at {source} to back up; check {JourneyStoreOptions.Key(nameof(options.SqlitePath))}.");
        }

        if (File.Exists(target))
        {
            throw new IOException($"The backup file {target} already exists; choose a new file name.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            using (var from = new SqliteConnection($"Data Source={source};Mode=ReadWrite;Pooling=False"))
            using (var to = new SqliteConnection($"Data Source={target};Mode=ReadWriteCreate;Pooling=False"))
            {
                from.Open();
                to.Open();
                from.BackupDatabase(to);
                using var check = to.CreateCommand();
                check.CommandText = "PRAGMA integrity_check";
                if (check.ExecuteScalar() is not "ok")
                {
                    throw new StoreFailureException(StoreFailure.Corrupt, $"The backup {target} failed its integrity check; the {backend.Description} may be damaged.");
                }
            }

            var bytes = new FileInfo(target).Length;
            StoreLog.BackupCompleted(logger ?? NullLogger.Instance, source, target, bytes);
            return bytes;
        }
        catch (Exception ex)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(target);
            if (ex is not StoreException && SqliteFailures.Translate(ex, backend.Description, source, options.BusyTimeout) is { } failure)
            {
                throw failure;
            }

            throw;
        }
    }
}
