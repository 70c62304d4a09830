using System.Globalization;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Store.Internal.LiteDb;

/// <summary>
/// Online backup across processes. A LiteDB file belongs to one process, so the <c>backup</c> command
/// cannot copy the file of a running server itself; it drops a request file beside the database
/// (<c>name.backup-request-ID</c>, holding the destination), and the server that holds the file takes the
/// copy (<see cref="LiteDbEngine.BackUp"/>) and answers with <c>….done</c> (the size) or <c>….failed</c>
/// (the reason). Anyone who may write that folder may already change the database itself.
/// </summary>
internal sealed class LiteDbBackupRequests : IDisposable
{
    private const string Done = ".done";
    private const string Failed = ".failed";
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _served = new(StringComparer.Ordinal);
    private readonly FileSystemWatcher _watcher;
    private readonly LiteDbEngine _engine;
    private readonly ILogger _logger;

    private LiteDbBackupRequests(LiteDbEngine engine, ILogger logger)
    {
        _engine = engine;
        _logger = logger;
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(engine.FullPath)!, Prefix(engine.FullPath) + "*") { NotifyFilter = NotifyFilters.FileName };
        _watcher.Renamed += (_, e) => Serve(e.FullPath);
        _watcher.Created += (_, e) => Serve(e.FullPath);
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Starts answering requests for the file of <paramref name="engine"/>.</summary>
    internal static LiteDbBackupRequests Listen(LiteDbEngine engine, ILogger logger) => new(engine, logger);

    /// <summary>Asks the process holding <paramref name="source"/> to copy it to <paramref name="target"/>; returns the bytes copied, or null if nobody answered in time.</summary>
    internal static long? Ask(string source, string target, TimeSpan timeout, TimeProvider timeProvider)
    {
        var request = Path.Combine(Path.GetDirectoryName(source)!, Prefix(source) + Guid.NewGuid().ToString("N"));
        var pending = request + ".tmp";
        File.WriteAllText(pending, target);

        // Renamed into place whole, so the server never reads a half-written request.
        File.Move(pending, request);
        var deadline = timeProvider.GetUtcNow() + timeout;
        try
        {
            while (timeProvider.GetUtcNow() < deadline)
            {
                if (File.Exists(request + Done))
                {
                    var bytes = long.Parse(File.ReadAllText(request + Done), CultureInfo.InvariantCulture);
                    File.Delete(request + Done);
                    return bytes;
                }

                if (File.Exists(request + Failed))
                {
                    var reason = File.ReadAllText(request + Failed);
                    File.Delete(request + Failed);
                    throw new StoreFailureException(StoreFailure.IoError, $"The server holding the LiteDB store {source} could not copy it: {reason}");
                }

                Thread.Sleep(Poll);
            }

            return null;
        }
        finally
        {
            File.Delete(request);
        }
    }

    public void Dispose() => _watcher.Dispose();

    private static string Prefix(string dataPath) => Path.GetFileName(dataPath) + ".backup-request-";

    private void Serve(string request)
    {
        if (request.EndsWith(".tmp", StringComparison.Ordinal) || request.EndsWith(Done, StringComparison.Ordinal) || request.EndsWith(Failed, StringComparison.Ordinal)
            || !_served.TryAdd(request, true))
        {
            return;
        }

        _ = Task.Run(() =>
        {
            string answer;
            string suffix;
            try
            {
                var target = File.ReadAllText(request).Trim();
                if (!Path.IsPathFullyQualified(target) || File.Exists(target))
                {
                    throw new IOException($"The backup file {target} must be a new file named by its full path.");
                }

                answer = _engine.BackUp(target).ToString(CultureInfo.InvariantCulture);
                suffix = Done;
            }
            catch (FileNotFoundException)
            {
                return; // Already answered, or given up.
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or StoreException or LiteDB.LiteException or ObjectDisposedException)
            {
                StoreLog.BackupRequestFailed(_logger, request, ex);
                answer = ex.Message;
                suffix = Failed;
            }

            try
            {
                File.WriteAllText(request + suffix + ".tmp", answer);
                File.Move(request + suffix + ".tmp", request + suffix);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                StoreLog.BackupRequestFailed(_logger, request, ex);
            }
        });
    }
}
