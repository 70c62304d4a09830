using Microsoft.Data.Sqlite;

namespace JourneyGrpc.Store.Internal.Sqlite;

/// <summary>SQLite result codes as <see cref="StoreFailureException"/>s that say what to do (https://sqlite.org/rescode.html).</summary>
internal static class SqliteFailures
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int NotADatabase = 26;

    internal static StoreFailureException? Translate(Exception exception, string store, string path, TimeSpan busyTimeout)
    {
        if (exception is StoreFailureException failure)
        {
            return failure;
        }

        if (exception is not SqliteException sqlite)
        {
            return null;
        }

        var detail = $"SQLite error {sqlite.SqliteExtendedErrorCode}: {sqlite.Message}";
        return (sqlite.SqliteErrorCode & 0xff) switch
        {
            Busy or Locked => new StoreFailureException(StoreFailure.Locked, $"The {store} is locked by another connection or process (waited {busyTimeout.TotalSeconds:0.#} s). Stop the other process (a second server on the same file?) or raise Store:BusyTimeout. ({detail})", exception),
            ReadOnly => new StoreFailureException(StoreFailure.ReadOnly, $"The {store} is read-only. The file, its folder and its -wal and -shm files must be writable. ({detail})", exception),
            Corrupt or NotADatabase => new StoreFailureException(StoreFailure.Corrupt, $"The {store} is corrupt or is not a SQLite database. Restore it from a backup (made with the server's 'backup' command). ({detail})", exception),
            Full => new StoreFailureException(StoreFailure.DiskFull, $"The {store} cannot grow: the disk is full. Free space and retry; nothing of this write was saved. ({detail})", exception),
            // A WAL database whose file or folder is not writable cannot open its -shm: SQLite says CANTOPEN.
            CantOpen when File.Exists(path) && !IsWritable(path) => new StoreFailureException(StoreFailure.ReadOnly, $"The {store} is read-only. The file, its folder and its -wal and -shm files must be writable. ({detail})", exception),
            CantOpen => new StoreFailureException(StoreFailure.Unreachable, $"The {store} cannot be opened: check that Store:SqlitePath names a file in an existing, writable folder. ({detail})", exception),
            IoError => new StoreFailureException(StoreFailure.IoError, $"The {store} had an I/O error; check the disk. ({detail})", exception),
            _ => null,
        };
    }

    private static bool IsWritable(string path)
    {
        var probe = path + ".write-probe";
        try
        {
            using (File.Open(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
            {
            }

            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
