using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using JourneyGrpc.Campaign.V1;
using JourneyGrpc.Server.Campaign.Errors;
using JourneyGrpc.Server.Campaign.Mapping;
using JourneyGrpc.Server.Campaign.Storage;
using JourneyGrpc.Server.Hosting.Telemetry;
using JourneyGrpc.Store;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Server.Campaign.Watching;

/// <summary>
/// One <c>WatchCampaignStatus</c> call. It keeps a cursor: every matching event up to it has been sent.
/// It reads the log from the cursor (catch-up), and once it is within the tenant's live window,
/// attaches to the feed and reads the window from the cursor. If the window moves past its cursor
/// (it was too slow) it reads the log again from the cursor, in small pages; if it is then more than
/// the allowed lag behind the head, the call ends with RESOURCE_EXHAUSTED. The cursor only moves
/// forward and events are only taken above it, so no event is sent twice or skipped, whichever way
/// it arrives.
/// </summary>
internal sealed class WatchSession(
    IJourneyStore store,
    CampaignStateReader states,
    TenantEventFeed feed,
    CampaignStatusOptions options,
    TimeProvider timeProvider,
    ILogger logger,
    IServerStreamWriter<WatchCampaignStatusResponse> stream,
    CancellationToken cancellationToken)
{
    // Messages written before a flush: one flush per message would cost a frame each; one per page
    // could buffer a whole page per slow watch.
    private const int FlushEvery = 64;
    private static readonly WriteOptions Buffered = new(WriteFlags.BufferHint);

    private readonly List<WatchCampaignStatusResponse> _outgoing = new(FlushEvery);
    private Dictionary<string, long>? _sentStates;
    private long _sentStatesUpTo;
    private long _cursor;
    private DateTimeOffset _lastSentAt;

    /// <summary>Runs the watch until the client cancels, the server stops, or it falls too far behind.</summary>
    internal async Task RunAsync(WatchCampaignStatusRequest request, string tenant, WatchFilter filter)
    {
        var head = await states.ReadHeadAsync(tenant, cancellationToken).ConfigureAwait(false);
        if (request.HasAfterSequence && request.AfterSequence > head)
        {
            throw CampaignErrors.AfterSequenceBeyondHead(tenant, request.AfterSequence, head);
        }

        _cursor = request.HasAfterSequence ? request.AfterSequence : head;

        // Lag: the tenant feed's head (the newest event published) less this watch's cursor.
        using var open = WatchTelemetry.Start(WatchTelemetry.CampaignStatus, () => Math.Max(feed.Position, head) - Volatile.Read(ref _cursor));
        _lastSentAt = timeProvider.GetUtcNow();
        if (request.IncludeCurrentState)
        {
            await SendCurrentStatesAsync(tenant, filter).ConfigureAwait(false);
        }

        var fellBehind = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await store.ReadEventsAsync(tenant, CampaignStoreNames.Log, _cursor, CatchUpPageSize(fellBehind), cancellationToken).ConfigureAwait(false);
            if (page.Count > 0)
            {
                if (fellBehind)
                {
                    await CheckLagAsync(tenant).ConfigureAwait(false);
                }

                await SendPageAsync(page, filter).ConfigureAwait(false);
                if (page.Count == CatchUpPageSize(fellBehind))
                {
                    continue;
                }
            }

            if (!feed.TryAttach(_cursor, out var tick))
            {
                continue;
            }

            try
            {
                await RunLiveAsync(filter, tick).ConfigureAwait(false);
            }
            finally
            {
                feed.Detach();
            }

            fellBehind = true;
            CampaignLog.WatchFellBehind(logger, tenant, _cursor);
        }
    }

    private async Task SendCurrentStatesAsync(string tenant, WatchFilter filter)
    {
        _sentStates = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var state in states.ListAllAsync(tenant, cancellationToken).ConfigureAwait(false))
        {
            if (!filter.Matches(state))
            {
                continue;
            }

            // Events up to the state's last sequence are in it: they are not sent again as events.
            _sentStates[state.CampaignGroupGuid] = state.LastSequence;
            _sentStatesUpTo = Math.Max(_sentStatesUpTo, state.LastSequence);
            _outgoing.Add(new WatchCampaignStatusResponse { ResumeAfterSequence = _cursor, CurrentState = state });
            if (_outgoing.Count == FlushEvery)
            {
                await FlushOutgoingAsync().ConfigureAwait(false);
            }
        }

        _outgoing.Add(new WatchCampaignStatusResponse
        {
            ResumeAfterSequence = _cursor,
            CurrentStateEnd = new CurrentStateEnd { CampaignGroupCount = _sentStates.Count },
        });
        await FlushOutgoingAsync().ConfigureAwait(false);
    }

    private async Task SendPageAsync(IReadOnlyList<StoredEvent> page, WatchFilter filter)
    {
        foreach (var stored in page)
        {
            if (stored.Sequence <= _cursor)
            {
                continue;
            }

            if (filter.MatchesEverything && _sentStates is null)
            {
                // Nothing to decide from the event's fields: its bytes go out as stored, unparsed.
                _cursor = stored.Sequence;
                _outgoing.Add(EncodedEvents.Response(stored.Sequence, EncodedEvents.Encode(stored)));
            }
            else
            {
                TakeParsed(StoredEvents.Parse(stored), filter);
            }

            if (_outgoing.Count == FlushEvery)
            {
                await FlushOutgoingAsync().ConfigureAwait(false);
            }
        }

        await FlushOutgoingAsync().ConfigureAwait(false);
    }

    private void TakeParsed(CampaignStatusEvent recorded, WatchFilter filter)
    {
        if (filter.Matches(recorded))
        {
            Take(recorded);
        }
        else
        {
            _cursor = recorded.Sequence;
        }
    }

    // Reads the feed's window from the cursor until the window has moved past it. At each tick of the
    // feed, a watch that has sent nothing for a heartbeat interval sends a heartbeat (so an idle watch
    // hears from the server every one to two intervals).
    private async Task RunLiveAsync(WatchFilter filter, long lastTick)
    {
        var events = new List<FeedEvent>(FlushEvery);
        while (true)
        {
            events.Clear();
            var read = feed.Read(_cursor, events, FlushEvery);

            switch (read.Status)
            {
                case FeedReadStatus.FellBehind:
                    return;
                case FeedReadStatus.Events:
                    foreach (var (recorded, response) in events)
                    {
                        if (filter.Matches(recorded))
                        {
                            Take(recorded, response);
                        }
                        else
                        {
                            _cursor = Math.Max(_cursor, recorded.Sequence);
                        }
                    }

                    await FlushOutgoingAsync().ConfigureAwait(false);
                    break;
                default:
                    if (read.Tick != lastTick)
                    {
                        if (timeProvider.GetUtcNow() - _lastSentAt >= options.HeartbeatInterval)
                        {
                            _cursor = Math.Max(_cursor, read.Position);
                            _outgoing.Add(new WatchCampaignStatusResponse
                            {
                                ResumeAfterSequence = _cursor,
                                Heartbeat = new Heartbeat { HeadSequence = read.Position, Time = Timestamp.FromDateTimeOffset(timeProvider.GetUtcNow()) },
                            });
                            await FlushOutgoingAsync().ConfigureAwait(false);
                        }

                        lastTick = read.Tick;
                        continue;
                    }

                    await read.Pulse.WaitAsync(cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    // A watch that fell out of the window reads small pages (parsed for this watch alone if its filter
    // needs the fields).
    private int CatchUpPageSize(bool fellBehind) => fellBehind ? Math.Min(options.ReadPageSize, FlushEvery) : options.ReadPageSize;

    // Queues an event the filter matched (as the feed's shared response when it has one), unless it is
    // at or below the cursor (already sent, or read from the log before the feed published it) or
    // reflected in a current state already sent.
    private void Take(CampaignStatusEvent recorded, WatchCampaignStatusResponse? response = null)
    {
        if (recorded.Sequence <= _cursor)
        {
            return;
        }

        _cursor = recorded.Sequence;
        if (_sentStates is not null)
        {
            if (_sentStates.TryGetValue(recorded.Notification.GswCampaignGroupGuid, out var inState) && recorded.Sequence <= inState)
            {
                return;
            }

            if (_cursor >= _sentStatesUpTo)
            {
                _sentStates = null;
            }
        }

        _outgoing.Add(response ?? new WatchCampaignStatusResponse { ResumeAfterSequence = recorded.Sequence, Event = recorded });
    }

    private async Task CheckLagAsync(string tenant)
    {
        var head = Math.Max(feed.Position, await states.ReadHeadAsync(tenant, cancellationToken).ConfigureAwait(false));
        if (head - _cursor > options.MaxWatchLagEvents)
        {
            CampaignLog.WatchTooFarBehind(logger, tenant, head - _cursor, options.MaxWatchLagEvents);
            throw CampaignErrors.TooFarBehind(_cursor, head, options.MaxWatchLagEvents);
        }
    }

    // Writes what is queued, buffering all but the last message, which flushes.
    private async Task FlushOutgoingAsync()
    {
        if (_outgoing.Count > 0)
        {
            _lastSentAt = timeProvider.GetUtcNow();
        }

        for (var i = 0; i < _outgoing.Count; i++)
        {
            stream.WriteOptions = i == _outgoing.Count - 1 ? null : Buffered;
            await stream.WriteAsync(_outgoing[i], cancellationToken).ConfigureAwait(false);
        }

        _outgoing.Clear();
    }
}
