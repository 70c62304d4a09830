namespace JourneyGrpc.Store;

/// <summary>Why the database could not do what was asked.</summary>
public enum StoreFailure
{
    /// <summary>Another process holds a lock on the database file for longer than the busy timeout.</summary>
    Locked,

    /// <summary>The database (file, folder or server) does not accept writes.</summary>
    ReadOnly,

    /// <summary>The file is not a database, or its contents are damaged.</summary>
    Corrupt,

    /// <summary>No space is left for the database to grow.</summary>
    DiskFull,

    /// <summary>The database cannot be opened or reached (missing folder, refused connection, failed login).</summary>
    Unreachable,

    /// <summary>The schema was written by a newer version of the server; migrations only go forward.</summary>
    SchemaTooNew,

    /// <summary>The operating system reported an I/O error.</summary>
    IoError,
}
