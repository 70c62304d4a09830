using System.Threading.Channels;
using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Campaign.V1;
using JourneyGrpc.Server.Campaign.Lifecycle;
using JourneyGrpc.Server.Campaign.Storage;
using JourneyGrpc.Store;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Server.Campaign.Reporting;

/// <summary>
/// The one writer of a tenant's campaign-status log in this process. It takes the notifications waiting,
/// applies them in arrival order to the groups' states, and writes the log head, the events and the
/// states in one store batch. Each event's sequence is known before the write because the head record's
/// version is checked by the write: a concurrent writer (another replica) makes the batch fail with
/// <see cref="StoreConcurrencyException"/>, and the batch is rebuilt from fresh reads.
/// </summary>
internal sealed class TenantReportWriter : IAsyncDisposable
{
    private static readonly TimeSpan RetryBudget = TimeSpan.FromSeconds(10);
    private const int MaxBackoffMilliseconds = 50;
    private const int MaxCachedGroups = 10_000;

    private readonly string _tenant;
    private readonly IJourneyStore _store;
    private readonly CampaignStatusOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly Channel<PendingReport> _queue;
    private readonly Dictionary<string, GroupSlot> _groups = new(StringComparer.Ordinal);
    private readonly Task _loop;
    private long _headVersion = -1;
    private long _head;

    internal TenantReportWriter(string tenant, IJourneyStore store, CampaignStatusOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _tenant = tenant;
        _timeProvider = timeProvider;
        _store = store;
        _options = options;
        _logger = logger;
        _queue = Channel.CreateBounded<PendingReport>(new BoundedChannelOptions(options.MaxPendingReports) { SingleReader = true });
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues <paramref name="report"/>, waiting for room when the queue is full.</summary>
    internal ValueTask EnqueueAsync(PendingReport report) => _queue.Writer.WriteAsync(report, report.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingReport>(_options.MaxReportsPerWrite);
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _options.MaxReportsPerWrite && _queue.Reader.TryRead(out var report))
            {
                // A caller that gave up before its turn is not written: its call ends CANCELLED, and
                // nothing of it is in the log.
                if (report.CancellationToken.IsCancellationRequested)
                {
                    report.Cancel();
                }
                else
                {
                    batch.Add(report);
                }
            }

            if (batch.Count > 0)
            {
                await WriteWithRetriesAsync(batch).ConfigureAwait(false);
            }
        }
    }

    private async Task WriteWithRetriesAsync(List<PendingReport> batch)
    {
        var started = _timeProvider.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await WriteAsync(batch).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is StoreConcurrencyException or StoreDuplicateException && _timeProvider.GetElapsedTime(started) < RetryBudget)
            {
                // Another writer (a replica) moved the head or a group first: read both again, after a
                // random pause that grows with the attempts, so two replicas do not keep colliding.
                ForgetCache();
                CampaignLog.WriteConflictRetried(_logger, _tenant, attempt, batch.Count);
                var pause = Random.Shared.Next(1, Math.Min(MaxBackoffMilliseconds, 1 << Math.Min(attempt, 10)) + 1);
                await Task.Delay(TimeSpan.FromMilliseconds(pause), _timeProvider).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                ForgetCache();
                CampaignLog.WriteFailed(_logger, _tenant, batch.Count, ex);
                foreach (var report in batch)
                {
                    report.Fail(ex);
                }

                return;
            }
        }
    }

    private async Task WriteAsync(List<PendingReport> batch)
    {
        await LoadAsync(batch).ConfigureAwait(false);

        var write = new WriteBatch();
        var events = new CampaignStatusEvent[batch.Count];
        var touched = new Dictionary<string, CampaignGroupState>(StringComparer.Ordinal);
        var sequence = _head;
        for (var i = 0; i < batch.Count; i++)
        {
            var notification = batch[i].Notification;
            var guid = notification.GswCampaignGroupGuid;
            var current = touched.TryGetValue(guid, out var changed) ? changed : _groups[guid].State;
            var (recorded, next) = EventBuilder.Apply(_tenant, ++sequence, notification, batch[i].ReceivedAt, current);
            events[i] = recorded;
            touched[guid] = next;
        }

        var head = new Int64Value { Value = sequence };
        _ = _headVersion == 0
            ? write.Insert(CampaignStoreNames.Heads, CampaignStoreNames.Log, head)
            : write.Update(CampaignStoreNames.Heads, CampaignStoreNames.Log, _headVersion, head);
        foreach (var recorded in events)
        {
            write.Append(CampaignStoreNames.Log, recorded);
        }

        var order = touched.Keys.ToArray();
        foreach (var guid in order)
        {
            var state = touched[guid];
            var version = _groups[guid].Version;
            var indexes = Indexes(state);
            _ = version == 0
                ? write.Insert(CampaignStoreNames.Groups, guid, state, indexes)
                : write.Update(CampaignStoreNames.Groups, guid, version, state, indexes);
        }

        // Durable before the callers (OCS) get their answer; not cancelled by any one caller.
        var result = await _store.WriteAsync(_tenant, write, CancellationToken.None).ConfigureAwait(false);
        for (var i = 0; i < events.Length; i++)
        {
            if (result.Sequences[i] != events[i].Sequence)
            {
                throw new InvalidOperationException(
                    $"Tenant '{_tenant}' log '{CampaignStoreNames.Log}' gave sequence {result.Sequences[i]} where {events[i].Sequence} was expected: something other than the campaign-status writer appends to it.");
            }
        }

        _headVersion = result.Versions[0];
        _head = sequence;
        if (_groups.Count + order.Length > MaxCachedGroups)
        {
            _groups.Clear();
        }

        for (var i = 0; i < order.Length; i++)
        {
            _groups[order[i]] = new GroupSlot(result.Versions[i + 1], touched[order[i]]);
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Complete(events[i]);
        }
    }

    private async Task LoadAsync(List<PendingReport> batch)
    {
        if (_headVersion < 0)
        {
            var record = await _store.GetAsync(_tenant, CampaignStoreNames.Heads, CampaignStoreNames.Log).ConfigureAwait(false);
            (_headVersion, _head) = record is null ? (0, 0) : (record.Version, record.Parse(Int64Value.Parser).Value);
        }

        var missing = batch.Select(r => r.Notification.GswCampaignGroupGuid).Where(g => !_groups.ContainsKey(g)).Distinct(StringComparer.Ordinal).ToArray();
        if (missing.Length == 0)
        {
            return;
        }

        var records = await _store.GetManyAsync(_tenant, CampaignStoreNames.Groups, missing).ConfigureAwait(false);
        foreach (var guid in missing)
        {
            _groups[guid] = new GroupSlot(0, null);
        }

        foreach (var record in records)
        {
            _groups[record.Id] = new GroupSlot(record.Version, record.Parse(CampaignGroupState.Parser));
        }
    }

    private void ForgetCache()
    {
        _headVersion = -1;
        _groups.Clear();
    }

    private static IndexEntry[] Indexes(CampaignGroupState state)
    {
        var indexes = new List<IndexEntry>(3) { new(CampaignStoreNames.AllIndex, CampaignStoreNames.AllKey) };
        if (state.CampaignGroupName.Length > 0)
        {
            indexes.Add(new IndexEntry(CampaignStoreNames.NameIndex, state.CampaignGroupName, state.LastSequence));
        }

        if (state.CampaignGroupDbid.Length > 0)
        {
            indexes.Add(new IndexEntry(CampaignStoreNames.DbidIndex, state.CampaignGroupDbid, state.LastSequence));
        }

        return [.. indexes];
    }
}
