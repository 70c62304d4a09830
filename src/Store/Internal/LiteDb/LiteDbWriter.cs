using System.Collections.Concurrent;
using System.Diagnostics;
using JourneyGrpc.Store.Internal.Telemetry;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Store.Internal.LiteDb;

/// <summary>
/// The single writer, on a thread of its own (a LiteDB transaction belongs to the thread that began it).
/// Batches queue while a commit runs; the next transaction takes every waiting batch (up to a limit),
/// commits, and then syncs the log (LiteDB 5.0.21 does not), so a batch is answered only once it is on
/// disk. A batch that conflicts is undone alone (<see cref="LiteDbChanges"/>); the others commit.
/// </summary>
internal sealed class LiteDbWriter : IDisposable
{
    private readonly BlockingCollection<PendingWrite> _queue = [];
    private readonly LiteDbEngine _owner;
    private readonly EventSignals _signals;
    private readonly TimeProvider _timeProvider;
    private readonly int _maxBatches;
    private readonly ILogger _logger;
    private readonly StoreMetrics _metrics;
    private Thread? _thread;
    private long _commits;

    internal LiteDbWriter(LiteDbEngine owner, EventSignals signals, TimeProvider timeProvider, int maxBatchesPerCommit, ILogger logger, StoreMetrics metrics)
    {
        _metrics = metrics;
        _owner = owner;
        _signals = signals;
        _timeProvider = timeProvider;
        _maxBatches = maxBatchesPerCommit;
        _logger = logger;
    }

    internal long CommitCount => Interlocked.Read(ref _commits);

    internal void Start()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "LiteDB writer" };
        _thread.Start();
    }

    internal Task<WriteResult> EnqueueAsync(string tenant, WriteBatch batch, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite(tenant, batch, cancellationToken);
        try
        {
            _queue.Add(pending, CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(JourneyStore), "The store is closed.");
        }

        return pending.Task;
    }

    /// <summary>Commits what is queued, then stops.</summary>
    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread?.Join();
        _queue.Dispose();
    }

    private void Run()
    {
        var group = new List<PendingWrite>(Math.Min(_maxBatches, 1024));
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            group.Clear();
            if (first.TryClaim())
            {
                group.Add(first);
            }

            while (group.Count < _maxBatches && _queue.TryTake(out var pending))
            {
                if (pending.TryClaim())
                {
                    group.Add(pending);
                }
            }

            if (group.Count > 0)
            {
                // A backup holds this lock while it checkpoints and copies: no commit changes the files meanwhile.
                lock (_owner.CommitLock)
                {
                    Commit(group);
                }
            }
        }
    }

    private void Commit(List<PendingWrite> group)
    {
        var started = Stopwatch.GetTimestamp();
        var results = new WriteResult?[group.Count];
        var conflicts = new StoreException?[group.Count];
        try
        {
            var files = _owner.Files();
            var engine = files.Engine;
            var changes = new LiteDbChanges(engine);
            var grouped = group.Count > 1;
            var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            engine.BeginTrans();
            try
            {
                for (var i = 0; i < group.Count; i++)
                {
                    changes.BeginBatch(undoable: grouped);
                    try
                    {
                        results[i] = LiteDbBatchApplier.Apply(changes, group[i].Tenant, group[i].Operations, now);
                    }
                    catch (StoreException ex) when (ex is StoreConcurrencyException or StoreDuplicateException)
                    {
                        conflicts[i] = ex;
                        if (grouped)
                        {
                            changes.Undo();
                        }
                    }
                }

                if (results.Any(r => r is not null))
                {
                    engine.Commit();
                    files.Log.Sync();
                    Interlocked.Increment(ref _commits);
                }
                else
                {
                    engine.Rollback();
                }
            }
            catch
            {
                TryRollback(engine);
                throw;
            }
        }
        catch (Exception ex)
        {
            // Not a conflict: the disk, the file or the engine failed. Nothing of the group is known to be
            // durable, so every batch in it fails, and the next group starts on a reopened database.
            var failure = _owner.TranslateFailure(ex) ?? (Exception)ex;
            StoreLog.CommitFailed(_logger, group.Count, _owner.Description, ex);
            _owner.Reset();
            foreach (var pending in group)
            {
                pending.Fail(failure);
            }

            return;
        }

        int committed = 0, appended = 0;
        for (var i = 0; i < group.Count; i++)
        {
            if (results[i] is { } result)
            {
                group[i].Complete(result);
                committed++;
                foreach (var operation in group[i].Operations)
                {
                    if (operation.Kind == WriteOperationKind.Append)
                    {
                        _signals.Pulse(group[i].Tenant, operation.Target);
                        appended++;
                    }
                }
            }
            else
            {
                group[i].Fail(conflicts[i]!);
            }
        }

        if (StoreMetrics.Enabled)
        {
            _metrics.Committed(group.Count, committed, appended, started);
        }

        StoreLog.GroupCommitted(_logger, group.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private void TryRollback(LiteDB.Engine.LiteEngine engine)
    {
        try
        {
            engine.Rollback();
        }
        catch (Exception ex) when (ex is LiteDB.LiteException or IOException or ObjectDisposedException)
        {
            StoreLog.WriterCloseFailed(_logger, ex);
        }
    }
}
