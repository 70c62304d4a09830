using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using JourneyGrpc.Store.Internal.Telemetry;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Store.Internal;

/// <summary>
/// The single writer. Batches queue up while a commit is in progress; the next transaction takes every
/// waiting batch (up to a limit) and commits them with one sync to disk. A batch that conflicts fails
/// alone (undone to its savepoint where it had changed something); the others still commit.
/// No batch is answered before its transaction has committed.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private const string Savepoint = "SAVEPOINT batch";
    private const string ReleaseSavepoint = "RELEASE SAVEPOINT batch";
    private const string RollbackToSavepoint = "ROLLBACK TO SAVEPOINT batch";

    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IStoreBackend _backend;
    private readonly BatchApplier _applier;
    private readonly EventSignals _signals;
    private readonly int _maxBatches;
    private readonly ILogger _logger;
    private readonly StoreMetrics _metrics;
    private DbConnection? _connection;
    private CommandCache? _commands;
    private Task? _loop;
    private long _commits;

    internal GroupCommitWriter(IStoreBackend backend, BatchApplier applier, EventSignals signals, int maxBatchesPerCommit, ILogger logger, StoreMetrics? metrics = null)
    {
        _metrics = metrics ?? StoreMetrics.Unnamed;
        _backend = backend;
        _applier = applier;
        _signals = signals;
        _maxBatches = maxBatchesPerCommit;
        _logger = logger;
    }

    /// <summary>How many transactions have committed (for tests of grouping).</summary>
    internal long CommitCount => Interlocked.Read(ref _commits);

    /// <summary>Starts the writer on <paramref name="connection"/> (it takes ownership).</summary>
    internal void Start(DbConnection connection)
    {
        _connection = connection;
        _commands = new CommandCache(connection);
        _loop = Task.Run(RunAsync);
    }

    internal Task<WriteResult> EnqueueAsync(string tenant, WriteBatch batch, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite(tenant, batch, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(JourneyStore), "The store is closed.");
        }

        return pending.Task;
    }

    /// <summary>Commits what is queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        await ResetConnectionAsync().ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var group = new List<PendingWrite>(Math.Min(_maxBatches, 1024));
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            group.Clear();
            while (group.Count < _maxBatches && _queue.Reader.TryRead(out var pending))
            {
                if (pending.TryClaim())
                {
                    group.Add(pending);
                }
            }

            if (group.Count > 0)
            {
                await CommitAsync(group).ConfigureAwait(false);
            }
        }
    }

    private async Task CommitAsync(List<PendingWrite> group)
    {
        var started = Stopwatch.GetTimestamp();
        var results = new WriteResult?[group.Count];
        var conflicts = new StoreException?[group.Count];
        try
        {
            if (_connection is null)
            {
                _connection = await _backend.OpenWriterAsync(CancellationToken.None).ConfigureAwait(false);
                _commands = new CommandCache(_connection);
            }

            if (!await TryCommitAsync(group, results, conflicts, savepointPerBatch: false).ConfigureAwait(false))
            {
                Array.Clear(results);
                Array.Clear(conflicts);
                await TryCommitAsync(group, results, conflicts, savepointPerBatch: true).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            // Not a conflict: a database failure (full disk, lost connection, I/O error). Nothing of the
            // group is known to be committed, so every batch in it fails, and the next group starts over
            // on a new connection.
            var failure = _backend.TranslateFailure(ex) ?? (Exception)ex;
            StoreLog.CommitFailed(_logger, group.Count, _backend.Description, ex);
            await ResetConnectionAsync().ConfigureAwait(false);
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
                appended += PulseLogs(group[i]);
                committed++;
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

    /// <summary>
    /// Applies the group in one transaction and commits it. A savepoint costs two statements (on PostgreSQL
    /// two round trips), so a batch gets one only if it can fail after changing something: a statement
    /// that changes no row leaves the transaction usable on SQLite and PostgreSQL alike. A conflict that
    /// aborts the whole transaction (a PostgreSQL deadlock or serialization failure) in a batch without a
    /// savepoint rolls everything back and returns false; the caller then runs the group again with a
    /// savepoint per batch, so that only that batch fails.
    /// </summary>
    private async Task<bool> TryCommitAsync(List<PendingWrite> group, WriteResult?[] results, StoreException?[] conflicts, bool savepointPerBatch)
    {
        var commands = _commands!;
        var grouped = group.Count > 1;
        await using var transaction = await _connection!.BeginTransactionAsync().ConfigureAwait(false);
        for (var i = 0; i < group.Count; i++)
        {
            var useSavepoint = grouped && (savepointPerBatch || BatchApplier.MayFailAfterChanges(group[i].Operations));
            if (useSavepoint)
            {
                await commands.Get(Savepoint, transaction).ExecuteNonQueryAsync().ConfigureAwait(false);
            }

            try
            {
                results[i] = await _applier.ApplyAsync(commands, transaction, group[i].Tenant, group[i].Operations, CancellationToken.None).ConfigureAwait(false);
                if (useSavepoint)
                {
                    await commands.Get(ReleaseSavepoint, transaction).ExecuteNonQueryAsync().ConfigureAwait(false);
                }
            }
            catch (StoreException ex) when (ex is StoreConcurrencyException or StoreDuplicateException)
            {
                conflicts[i] = ex;
                if (useSavepoint)
                {
                    // Undoes this batch only; RELEASE then drops the savepoint itself.
                    await commands.Get(RollbackToSavepoint, transaction).ExecuteNonQueryAsync().ConfigureAwait(false);
                    await commands.Get(ReleaseSavepoint, transaction).ExecuteNonQueryAsync().ConfigureAwait(false);
                }
                else if (!grouped)
                {
                    await transaction.RollbackAsync().ConfigureAwait(false);
                }
                else if (ex is StoreConcurrencyException { AbortedTransaction: true })
                {
                    await transaction.RollbackAsync().ConfigureAwait(false);
                    return false;
                }

                // Otherwise it failed at its first statement, which changed nothing.
            }
        }

        if (results.Any(r => r is not null))
        {
            await transaction.CommitAsync().ConfigureAwait(false);
            Interlocked.Increment(ref _commits);
        }

        return true;
    }

    /// <summary>Wakes the watchers of every log the batch appended to; returns how many events it appended.</summary>
    private int PulseLogs(PendingWrite pending)
    {
        var appended = 0;
        foreach (var operation in pending.Operations)
        {
            if (operation.Kind == WriteOperationKind.Append)
            {
                _signals.Pulse(pending.Tenant, operation.Target);
                appended++;
            }
        }

        return appended;
    }

    private async Task ResetConnectionAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            try
            {
                if (_commands is { } commands)
                {
                    _commands = null;
                    await commands.DisposeAsync().ConfigureAwait(false);
                }

                await connection.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException or IOException)
            {
                StoreLog.WriterCloseFailed(_logger, ex);
            }
        }
    }
}
