using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Store.Internal.Sqlite;

/// <summary>
/// Copies the WAL back into the database file from a connection of its own, every
/// <see cref="Interval"/>. Left to the writer, an automatic checkpoint runs inside a commit, so every
/// few group commits one of them also writes and syncs megabytes of database pages while callers
/// wait. A PASSIVE checkpoint never blocks the writer or readers (https://sqlite.org/wal.html#ckpt).
/// Durability does not depend on it: a commit is durable once the WAL is synced.
/// </summary>
internal sealed class SqliteCheckpointer(string connectionString, string store, TimeProvider timeProvider, ILogger logger) : IAsyncDisposable
{
    internal static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    internal void Start() => _loop ??= Task.Run(RunAsync);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(Interval, timeProvider);
        await using var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(_stop.Token).ConfigureAwait(false);
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                try
                {
                    await Sql.ExecuteAsync(connection, null, "PRAGMA wal_checkpoint(PASSIVE)", _stop.Token).ConfigureAwait(false);
                }
                catch (SqliteException ex)
                {
                    StoreLog.CheckpointFailed(logger, store, ex);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (SqliteException ex)
        {
            // The writer's automatic checkpoint (a high backstop) still bounds the WAL.
            StoreLog.CheckpointFailed(logger, store, ex);
        }
    }
}
