using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Store.Internal;

/// <summary>Store log events; the ids are stable.</summary>
internal static partial class StoreLog
{
    [LoggerMessage(1, LogLevel.Information, "Opened {Store} at schema version {SchemaVersion}; group commit {GroupCommit}.", EventName = "StoreOpened")]
    internal static partial void Opened(ILogger logger, string store, int schemaVersion, bool groupCommit);

    [LoggerMessage(2, LogLevel.Information, "Applied schema migration {Version} ({Name}) to {Store}.", EventName = "MigrationApplied")]
    internal static partial void MigrationApplied(ILogger logger, int version, string name, string store);

    [LoggerMessage(3, LogLevel.Trace, "Committed {Batches} batches in {ElapsedMs:F2} ms.", EventName = "GroupCommitted")]
    internal static partial void GroupCommitted(ILogger logger, int batches, double elapsedMs);

    [LoggerMessage(4, LogLevel.Error, "A commit of {Batches} batches to {Store} failed; every batch in it was refused.", EventName = "CommitFailed")]
    internal static partial void CommitFailed(ILogger logger, int batches, string store, Exception exception);

    [LoggerMessage(5, LogLevel.Warning, "Closing the writer connection failed.", EventName = "WriterCloseFailed")]
    internal static partial void WriterCloseFailed(ILogger logger, Exception exception);

    [LoggerMessage(6, LogLevel.Information, "Listening for event notifications on {Store}.", EventName = "ListenerConnected")]
    internal static partial void ListenerConnected(ILogger logger, string store);

    [LoggerMessage(7, LogLevel.Warning, "The event notification connection to {Store} failed; reconnecting in {DelayMs} ms.", EventName = "ListenerDisconnected")]
    internal static partial void ListenerDisconnected(ILogger logger, string store, double delayMs, Exception exception);

    [LoggerMessage(8, LogLevel.Information, "Backed up {Source} to {Destination} ({Bytes} bytes).", EventName = "BackupCompleted")]
    internal static partial void BackupCompleted(ILogger logger, string source, string destination, long bytes);

    [LoggerMessage(9, LogLevel.Warning, "A background WAL checkpoint of {Store} failed; the writer's automatic checkpoint still bounds the WAL.", EventName = "CheckpointFailed")]
    internal static partial void CheckpointFailed(ILogger logger, string store, Exception exception);

    [LoggerMessage(10, LogLevel.Warning, "A backup requested through {Request} failed.", EventName = "BackupRequestFailed")]
    internal static partial void BackupRequestFailed(ILogger logger, string request, Exception exception);
}
