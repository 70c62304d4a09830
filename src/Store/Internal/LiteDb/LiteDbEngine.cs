using JourneyGrpc.Store.Internal.Telemetry;
using LiteDB.Engine;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Store.Internal.LiteDb;

/// <summary>
/// One LiteDB file, used by this process alone. Writes go through <see cref="LiteDbWriter"/>; reads run on
/// the caller's thread, at most <see cref="MaxConcurrentReads"/> at once so that reads, the writer and a
/// backup stay below LiteDB's limit of 100 open transactions (the 101st throws at once). After a failed
/// commit (LiteDB closes its engine on an I/O error) the next operation reopens the file.
/// </summary>
internal sealed class LiteDbEngine : IStoreEngine
{
    internal const int MaxConcurrentReads = 64;

    private readonly SemaphoreSlim _readSlots = new(MaxConcurrentReads, MaxConcurrentReads);
    private readonly ReaderWriterLockSlim _reopen = new(LockRecursionPolicy.SupportsRecursion);
    private readonly Lock _openLock = new();
    private readonly long? _maxLogBytes;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly LiteDbWriter _writer;
    private LiteDbFiles? _files;
    private LiteDbBackupRequests? _backupRequests;
    private bool _disposed;

    internal LiteDbEngine(JourneyStoreOptions options, EventSignals signals, int maxBatchesPerCommit, TimeProvider timeProvider, ILogger logger, StoreMetrics metrics)
    {
        FullPath = Path.GetFullPath(options.LiteDbPath);
        _maxLogBytes = options.LiteDbMaxLogBytes;
        _timeProvider = timeProvider;
        _logger = logger;
        _writer = new LiteDbWriter(this, signals, timeProvider, maxBatchesPerCommit, logger, metrics);
    }

    internal string FullPath { get; }

    /// <summary>Held by the writer around each commit, and by a backup around its checkpoint and copy.</summary>
    internal Lock CommitLock { get; } = new();

    public string Description => $"LiteDB store {FullPath}";

    public long CommitCount => _writer.CommitCount;

    public TimeSpan? EventPollInterval => null;

    public Task<int> StartAsync(EventSignals signals, int? targetVersion, CancellationToken cancellationToken)
    {
        var files = Files();
        var version = LiteDbSchema.Migrate(files.Engine, Description, targetVersion, _timeProvider, _logger);
        _writer.Start();
        LiteDbBackup.Register(this);
        _backupRequests = LiteDbBackupRequests.Listen(this, _logger);
        return Task.FromResult(version);
    }

    /// <summary>Online backup: with commits held, checkpoints the log into the data file and copies it; reads go on meanwhile.</summary>
    internal long BackUp(string destination)
    {
        lock (CommitLock)
        {
            var files = Files();
            return LiteDbBackup.Copy(files, destination);
        }
    }

    public Task<StoredRecord?> GetAsync(string tenant, string collection, string id, CancellationToken cancellationToken) =>
        ReadAsync(engine => LiteDbReads.Get(engine, tenant, collection, id), cancellationToken);

    public async Task<IReadOnlyList<StoredRecord>> GetManyAsync(string tenant, string collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        await ReadAsync(engine => InSnapshot(engine, () => LiteDbReads.GetMany(engine, tenant, collection, ids)), cancellationToken).ConfigureAwait(false);

    public Task<RecordPage> FindAsync(string tenant, IndexQuery query, CancellationToken cancellationToken) =>
        ReadAsync(engine => InSnapshot(engine, () => LiteDbReads.Find(engine, tenant, query)), cancellationToken);

    public Task<WriteResult> WriteAsync(string tenant, WriteBatch batch, CancellationToken cancellationToken) =>
        _writer.EnqueueAsync(tenant, batch, cancellationToken);

    public async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(string tenant, string log, long afterSequence, int maxCount, CancellationToken cancellationToken) =>
        await ReadAsync(engine => LiteDbReads.ReadEvents(engine, tenant, log, afterSequence, maxCount), cancellationToken).ConfigureAwait(false);

    public Task<long> LogHeadAsync(string tenant, string log, CancellationToken cancellationToken) =>
        ReadAsync(engine => LiteDbReads.LogHead(engine, tenant, log), cancellationToken);

    public StoreFailureException? TranslateFailure(Exception exception) => LiteDbFailures.Translate(exception, Description, opening: false);

    public ValueTask DisposeAsync()
    {
        LiteDbBackup.Unregister(this);
        _backupRequests?.Dispose();
        _writer.Dispose();
        _reopen.EnterWriteLock();
        try
        {
            _disposed = true;
            _files?.Dispose();
            _files = null;
        }
        finally
        {
            _reopen.ExitWriteLock();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The open files, opening them (folder included) if needed; a failure says why.</summary>
    internal LiteDbFiles Files()
    {
        lock (_openLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_files is { } open)
            {
                return open;
            }

            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(FullPath)!);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new StoreFailureException(StoreFailure.Unreachable, $"The folder of the {Description} cannot be created: {ex.Message} Check Store:LiteDbPath.", ex);
            }

            try
            {
                return _files = LiteDbFiles.Open(FullPath, _maxLogBytes);
            }
            catch (Exception ex) when (LiteDbFailures.Translate(ex, Description, opening: true) is { } failure)
            {
                throw failure;
            }
        }
    }

    /// <summary>Closes the files after a failed commit; the next operation reopens them (replaying the log).</summary>
    internal void Reset()
    {
        _reopen.EnterWriteLock();
        try
        {
            lock (_openLock)
            {
                try
                {
                    _files?.Dispose();
                }
                catch (Exception ex) when (ex is IOException or LiteDB.LiteException or ObjectDisposedException)
                {
                    StoreLog.WriterCloseFailed(_logger, ex);
                }

                _files = null;
            }
        }
        finally
        {
            _reopen.ExitWriteLock();
        }
    }

    /// <summary>Several queries in one read transaction: one snapshot for a page and its total. Synchronous: the transaction is the thread's.</summary>
    private static T InSnapshot<T>(LiteEngine engine, Func<T> read)
    {
        engine.BeginTrans();
        try
        {
            return read();
        }
        finally
        {
            engine.Rollback();
        }
    }

    private async Task<T> ReadAsync<T>(Func<LiteEngine, T> read, CancellationToken cancellationToken)
    {
        await _readSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _reopen.EnterReadLock();
            try
            {
                return read(Files().Engine);
            }
            finally
            {
                _reopen.ExitReadLock();
            }
        }
        finally
        {
            _readSlots.Release();
        }
    }
}
