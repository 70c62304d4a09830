using LiteDB;

namespace JourneyGrpc.Store.Internal.LiteDb;

/// <summary>LiteDB and file-system errors as <see cref="StoreFailureException"/>s that say what to do.</summary>
internal static class LiteDbFailures
{
    private const int NoSpaceLeftOnDevice = 28; // ENOSPC
    private const int DiskFull = 112; // ERROR_DISK_FULL
    private const int HandleDiskFull = 39; // ERROR_HANDLE_DISK_FULL
    private const int SharingViolation = unchecked((int)0x80070020);
    private const int LockViolation = unchecked((int)0x80070021);

    /// <param name="opening">True while the file is being opened: a LiteDB error then means it is not a (sound) LiteDB file.</param>
    internal static StoreFailureException? Translate(Exception exception, string store, bool opening)
    {
        switch (exception)
        {
            case StoreFailureException failure:
                return failure;
            case IOException io when (io.HResult & 0xFFFF) is NoSpaceLeftOnDevice or DiskFull or HandleDiskFull:
                return new StoreFailureException(StoreFailure.DiskFull, $"The {store} cannot grow: the disk is full. Free space and retry; nothing of this write was saved. ({io.Message})", exception);
            case IOException io when io.HResult is SharingViolation or LockViolation || io.Message.Contains("being used by another process", StringComparison.Ordinal):
                return new StoreFailureException(StoreFailure.Locked, $"The {store} is locked by another process (a second server on the same file?). LiteDB allows one process per file: stop the other one, or use Store:Provider=postgres for several servers. ({io.Message})", exception);
            case UnauthorizedAccessException:
                return new StoreFailureException(StoreFailure.ReadOnly, $"The {store} is read-only. The file, its -log file and their folder must be writable. ({exception.Message})", exception);
            case DirectoryNotFoundException:
                return new StoreFailureException(StoreFailure.Unreachable, $"The {store} cannot be opened: check that Store:LiteDbPath names a file in an existing, writable folder. ({exception.Message})", exception);
            case LiteException { ErrorCode: LiteException.LOCK_TIMEOUT } lite:
                return new StoreFailureException(StoreFailure.Locked, $"The {store} stayed locked too long. ({lite.Message})", exception);
            case LiteException { ErrorCode: LiteException.INVALID_DATABASE or LiteException.INVALID_DATAFILE_STATE or LiteException.INVALID_FREE_SPACE_PAGE } lite:
                return Corrupt(store, lite);
            case LiteException lite when opening:
                return Corrupt(store, lite);
            case IOException io:
                return new StoreFailureException(StoreFailure.IoError, $"The {store} had an I/O error; check the disk. ({io.Message})", exception);
            case not null when opening && exception is InvalidCastException or ArgumentException or IndexOutOfRangeException or OverflowException:
                return Corrupt(store, exception);
            default:
                return null;
        }
    }

    private static StoreFailureException Corrupt(string store, Exception exception) =>
        new(StoreFailure.Corrupt, $"The {store} is corrupt or is not a LiteDB database. Restore it from a backup (made with the server's 'backup' command). ({exception.Message})", exception);
}
