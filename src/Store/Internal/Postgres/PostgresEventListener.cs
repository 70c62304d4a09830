using Microsoft.Extensions.Logging;
using Npgsql;

namespace JourneyGrpc.Store.Internal.Postgres;

/// <summary>
/// One LISTEN connection per process. Every notification wakes the waiters of its log; a lost
/// connection is re-opened with back-off, and every waiter is woken then (it re-reads the log head),
/// so an append made while nobody listened is not missed.
/// </summary>
internal sealed class PostgresEventListener(NpgsqlDataSource dataSource, string store, TimeProvider timeProvider, ILogger logger) : IAsyncDisposable
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    /// <summary>Starts listening; completes once LISTEN is in place, or fails with the first connection error.</summary>
    internal Task StartAsync(EventSignals signals, CancellationToken cancellationToken)
    {
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _loop = Task.Run(() => ListenAsync(signals, listening));
        return listening.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        await dataSource.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task ListenAsync(EventSignals signals, TaskCompletionSource listening)
    {
        var delay = FirstRetryDelay;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(_stop.Token).ConfigureAwait(false);
                connection.Notification += (_, notification) => OnNotification(signals, notification.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresBackend.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(_stop.Token).ConfigureAwait(false);
                }

                StoreLog.ListenerConnected(logger, store);
                delay = FirstRetryDelay;
                signals.PulseAll();
                listening.TrySetResult();
                while (true)
                {
                    await connection.WaitAsync(_stop.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                listening.TrySetException(PostgresFailures.Translate(ex, store) ?? ex);
                StoreLog.ListenerDisconnected(logger, store, delay.TotalMilliseconds, ex);
                signals.PulseAll();
                try
                {
                    await Task.Delay(delay, timeProvider, _stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    private static void OnNotification(EventSignals signals, string payload)
    {
        var separator = payload.IndexOf(StoreNames.Separator, StringComparison.Ordinal);
        if (separator > 0)
        {
            signals.Pulse(payload[..separator], payload[(separator + 1)..]);
        }
    }
}
