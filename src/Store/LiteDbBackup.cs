using System.Collections.Concurrent;
using JourneyGrpc.Store.Internal;
using JourneyGrpc.Store.Internal.LiteDb;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JourneyGrpc.Store;

/// <summary>
/// Backup of the LiteDB store. LiteDB 5 has no backup API: with commits held, the log is checkpointed into
/// the data file (LiteDB takes its exclusive lock for that), the data file is copied and synced, and the
/// copy is opened and checked (<see cref="LiteDbIntegrity"/>). The copy is taken by whoever holds the
/// file: a store open in this process; a server in another process, asked through a request file
/// (<see cref="LiteDbBackupRequests"/>); or, when nobody holds it, this call. Reads and writes of the
/// store go on meanwhile (writes wait for the checkpoint and copy).
/// </summary>
public static class LiteDbBackup
{
    private const int ChunkBytes = 1 << 20;
    private static readonly ConcurrentDictionary<string, LiteDbEngine> Open = new(StringComparer.Ordinal);

    /// <summary>Copies the store of <paramref name="options"/> to <paramref name="destination"/> (a new file), checks the copy, and returns its size in bytes.</summary>
    public static long Run(JourneyStoreOptions options, string destination, ILogger? logger = null) =>
        Run(options, destination, TimeSpan.FromMinutes(2), logger);

    /// <param name="serverTimeout">How long a server holding the file has to answer a backup request.</param>
    internal static long Run(JourneyStoreOptions options, string destination, TimeSpan serverTimeout, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        JourneyStoreOptionsValidator.ThrowIfInvalid(options);
        if (!JourneyStoreOptionsValidator.IsLiteDb(options))
        {
            throw new InvalidOperationException($"{JourneyStoreOptions.Key(nameof(options.Provider))} is '{options.Provider}', not '{JourneyStoreOptions.LiteDb}'.");
        }

        var source = Path.GetFullPath(options.LiteDbPath);
        var target = Path.GetFullPath(destination);
        var store = $"LiteDB store {source}";
        if (!File.Exists(source))
        {
            throw new StoreFailureException(StoreFailure.Unreachable, $"There is no LiteDB store at {source} to back up; check {JourneyStoreOptions.Key(nameof(options.LiteDbPath))}.");
        }

        if (File.Exists(target))
        {
            throw new IOException($"The backup file {target} already exists; choose a new file name.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            long bytes;
            if (Open.TryGetValue(source, out var engine))
            {
                bytes = engine.BackUp(target);
            }
            else if (TryOpen(source, store) is { } files)
            {
                using (files)
                {
                    bytes = Copy(files, target);
                }
            }
            else
            {
                bytes = LiteDbBackupRequests.Ask(source, target, serverTimeout, TimeProvider.System)
                    ?? throw new StoreFailureException(
                        StoreFailure.Locked,
                        $"The {store} is locked by another process that did not answer the backup request within {serverTimeout.TotalSeconds:0.#} s (a JourneyGrpc server answers at once); stop that process or retry.");
            }

            using (var copy = LiteDbFiles.Open(target, maxLogBytes: null))
            {
                var integrity = LiteDbIntegrity.Check(copy.Engine);
                if (integrity != "ok")
                {
                    throw new StoreFailureException(StoreFailure.Corrupt, $"The backup {target} failed its integrity check ({integrity}); the {store} may be damaged.");
                }
            }

            DeleteEmptyLog(target);
            StoreLog.BackupCompleted(logger ?? NullLogger.Instance, source, target, bytes);
            return bytes;
        }
        catch (Exception ex)
        {
            File.Delete(target);
            File.Delete(LiteDbFiles.LogPath(target));
            if (ex is not StoreException && LiteDbFailures.Translate(ex, store, opening: true) is { } failure)
            {
                throw failure;
            }

            throw;
        }
    }

    /// <summary>The files opened for the copy, or null when another process holds them.</summary>
    private static LiteDbFiles? TryOpen(string source, string store)
    {
        try
        {
            return LiteDbFiles.Open(source, maxLogBytes: null);
        }
        catch (IOException ex) when (LiteDbFailures.Translate(ex, store, opening: true) is { Failure: StoreFailure.Locked })
        {
            return null;
        }
    }

    internal static void Register(LiteDbEngine engine) => Open[engine.FullPath] = engine;

    internal static void Unregister(LiteDbEngine engine) => Open.TryRemove(new KeyValuePair<string, LiteDbEngine>(engine.FullPath, engine));

    /// <summary>Checkpoints and copies; the caller holds off commits. Reads go on: they take the data stream's lock per read, as the copy does per chunk.</summary>
    internal static long Copy(LiteDbFiles files, string target)
    {
        files.Engine.Checkpoint();
        var buffer = new byte[ChunkBytes];
        using var to = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        long position = 0;
        while (true)
        {
            int read;
            lock (files.Data)
            {
                files.Data.Position = position;
                read = files.Data.Read(buffer, 0, buffer.Length);
            }

            if (read == 0)
            {
                break;
            }

            to.Write(buffer, 0, read);
            position += read;
        }

        to.Flush(flushToDisk: true);
        return position;
    }

    private static void DeleteEmptyLog(string target)
    {
        var log = new FileInfo(LiteDbFiles.LogPath(target));
        if (log.Exists && log.Length == 0)
        {
            log.Delete();
        }
    }
}
