using JourneyGrpc.Server.Campaign.Mapping;
using JourneyGrpc.Server.Campaign.Storage;
using JourneyGrpc.Store;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Server.Campaign.Watching;

/// <summary>
/// The live feed of one tenant's campaign-status log in this process. One reader loop
/// (<see cref="IJourneyStore.ReadEventsAsync"/>, then <see cref="IJourneyStore.WaitForEventsAsync"/>,
/// which PostgreSQL's LISTEN/NOTIFY wakes for appends made by other replicas) parses each event once
/// into a window of the newest <see cref="CampaignStatusOptions.WatchBufferSize"/> events, shared by
/// every watch, and pulses the watches, at most once per
/// <see cref="CampaignStatusOptions.WatchBatchInterval"/> (what arrives in between goes with the next
/// pulse). Each watch reads the window from its own cursor, so memory does not depend on how many
/// watches there are or how slow they are: a watch that falls out of the window reads the log itself. Every heartbeat interval the feed ticks (a pulse watches use to
/// send heartbeats when idle). The reader pauses while no watch is attached.
/// </summary>
internal sealed class TenantEventFeed : IAsyncDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly string _tenant;
    private readonly IJourneyStore _store;
    private readonly CampaignStatusOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly FeedEvent[] _window;
    private readonly CancellationTokenSource _stop = new();
    private readonly ITimer _heartbeat;
    private readonly Task _reader;
    private TaskCompletionSource _pulse = NewSignal();
    private TaskCompletionSource _attached = NewSignal();
    private int _watches;
    private long _position;
    private long _oldest = 1;
    private long _ticks;

    internal TenantEventFeed(string tenant, IJourneyStore store, CampaignStatusOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _tenant = tenant;
        _store = store;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _window = new FeedEvent[options.WatchBufferSize];
        _heartbeat = timeProvider.CreateTimer(static state => ((TenantEventFeed)state!).Tick(), this, options.HeartbeatInterval, options.HeartbeatInterval);
        _reader = Task.Run(ReadLogAsync);
    }

    /// <summary>The sequence of the newest event published.</summary>
    internal long Position
    {
        get
        {
            lock (_gate)
            {
                return _position;
            }
        }
    }

    /// <summary>How many watches are attached.</summary>
    internal int WatchCount
    {
        get
        {
            lock (_gate)
            {
                return _watches;
            }
        }
    }

    /// <summary>
    /// Attaches a watch that has sent every event up to <paramref name="cursor"/>: refused while the
    /// events just after the cursor are older than the window (the watch reads the log further first).
    /// <paramref name="tick"/> is the feed's tick count at that moment.
    /// </summary>
    internal bool TryAttach(long cursor, out long tick)
    {
        lock (_gate)
        {
            tick = _ticks;
            if (_watches == 0 && cursor > _position)
            {
                // Nobody needs what lies between: the paused reader resumes from the new watch's cursor.
                _position = cursor;
                _oldest = cursor + 1;
            }

            if (cursor + 1 < _oldest)
            {
                return false;
            }

            if (_watches++ == 0)
            {
                _attached.TrySetResult();
            }

            return true;
        }
    }

    /// <summary>Detaches a watch.</summary>
    internal void Detach()
    {
        lock (_gate)
        {
            if (--_watches == 0)
            {
                _attached = NewSignal();
            }
        }
    }

    /// <summary>Completes once at least one watch is attached.</summary>
    internal Task WhenAttachedAsync()
    {
        lock (_gate)
        {
            return _watches > 0 ? Task.CompletedTask : _attached.Task;
        }
    }

    /// <summary>Copies up to <paramref name="max"/> events after <paramref name="cursor"/> into <paramref name="into"/>.</summary>
    internal FeedRead Read(long cursor, List<FeedEvent> into, int max)
    {
        lock (_gate)
        {
            if (cursor >= _position)
            {
                return new FeedRead(FeedReadStatus.UpToDate, _position, _ticks, _pulse.Task);
            }

            if (cursor + 1 < _oldest)
            {
                return new FeedRead(FeedReadStatus.FellBehind, _position, _ticks, _pulse.Task);
            }

            for (var sequence = cursor + 1; sequence <= _position && into.Count < max; sequence++)
            {
                into.Add(_window[sequence % _window.Length]);
            }

            return new FeedRead(FeedReadStatus.Events, _position, _ticks, _pulse.Task);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _heartbeat.DisposeAsync().ConfigureAwait(false);
        await _reader.ConfigureAwait(false);
        _stop.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task ReadLogAsync()
    {
        var stop = _stop.Token;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await WhenAttachedAsync().WaitAsync(stop).ConfigureAwait(false);
                var from = Position;
                var page = await _store.ReadEventsAsync(_tenant, CampaignStoreNames.Log, from, _options.ReadPageSize, stop).ConfigureAwait(false);
                if (page.Count == 0)
                {
                    await _store.WaitForEventsAsync(_tenant, CampaignStoreNames.Log, from, stop).ConfigureAwait(false);
                    continue;
                }

                var events = new FeedEvent[page.Count];
                for (var i = 0; i < page.Count; i++)
                {
                    events[i] = new FeedEvent(StoredEvents.Parse(page[i]), EncodedEvents.Response(page[i].Sequence, EncodedEvents.Encode(page[i])));
                }

                Publish(events);
                if (_options.WatchBatchInterval > TimeSpan.Zero)
                {
                    // What arrives meanwhile goes out with the next wake, in one write per watch.
                    await Task.Delay(_options.WatchBatchInterval, _timeProvider, stop).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is StoreException or InvalidOperationException or Google.Protobuf.InvalidProtocolBufferException)
            {
                CampaignLog.FeedReadFailed(_logger, _tenant, RetryDelay.TotalMilliseconds, ex);
                try
                {
                    await Task.Delay(RetryDelay, _timeProvider, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Publish(FeedEvent[] events)
    {
        TaskCompletionSource pulse;
        lock (_gate)
        {
            foreach (var recorded in events)
            {
                // The position may have moved past these while no watch was attached.
                var sequence = recorded.Event.Sequence;
                if (sequence != _position + 1)
                {
                    continue;
                }

                _window[sequence % _window.Length] = recorded;
                _position = sequence;
                _oldest = Math.Max(_oldest, _position - _window.Length + 1);
            }

            pulse = _pulse;
            _pulse = NewSignal();
        }

        pulse.TrySetResult();
    }

    private void Tick()
    {
        TaskCompletionSource pulse;
        lock (_gate)
        {
            _ticks++;
            pulse = _pulse;
            _pulse = NewSignal();
        }

        pulse.TrySetResult();
    }
}
