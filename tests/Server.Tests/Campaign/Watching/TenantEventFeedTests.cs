using System.Threading.Channels;
using Google.Protobuf;
using Grpc.Core;
using JourneyGrpc.Campaign.V1;
using JourneyGrpc.Server.Campaign;
using JourneyGrpc.Server.Campaign.Reporting;
using JourneyGrpc.Server.Campaign.Storage;
using JourneyGrpc.Server.Campaign.Watching;
using JourneyGrpc.Server.Tests.Campaign.Infrastructure;
using JourneyGrpc.Store;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.Tests.Campaign.Watching;

/// <summary>The fan-out without sockets: a watch session over a real SQLite store, a manual clock and an in-memory stream.</summary>
public sealed class TenantEventFeedTests : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan BatchInterval = TimeSpan.FromMilliseconds(10);
    private readonly TempDirectory _directory = new();
    private readonly ObservableTimeProvider _clock = new();

    // Heartbeat tests: every commit goes out at once (the batch interval has a test of its own).
    private readonly CampaignStatusOptions _options = new() { HeartbeatInterval = Interval, WatchBufferSize = 16, WatchBatchInterval = TimeSpan.Zero };
    private JourneyStore _store = null!;
    private CampaignReportWriter _writer = null!;
    private TenantEventFeed _feed = null!;

    public async Task InitializeAsync()
    {
        _store = await JourneyStore.OpenAsync(new JourneyStoreOptions { SqlitePath = Path.Combine(_directory.Path, "feed.db") }).Bounded();
        _writer = new CampaignReportWriter(new CampaignStoreAccessor(_store), Options.Create(_options), _clock, NullLoggerFactory.Instance);
        _feed = new TenantEventFeed(Notifications.Tenant, _store, _options, _clock, NullLogger.Instance);
    }

    public async Task DisposeAsync()
    {
        await _feed.DisposeAsync();
        await _writer.DisposeAsync();
        await _store.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Tick_IdleForAnInterval_HeartbeatWithHeadAndResumePoint()
    {
        await _writer.RecordAsync(Notifications.Of(Notifications.Load), CancellationToken.None).Bounded();
        using var cancel = new CancellationTokenSource();
        var stream = new ChannelStreamWriter();
        var run = RunSessionAsync(new WatchCampaignStatusRequest { Tenant = Notifications.Tenant }, stream, cancel.Token);
        await _feed.WhenAttachedAsync().Bounded();

        _clock.Advance(Interval);
        var first = await stream.ReadAsync();
        await _writer.RecordAsync(Notifications.Of(Notifications.Start), CancellationToken.None).Bounded();
        var recorded = await stream.ReadAsync();
        _clock.Advance(Interval);
        var second = await stream.ReadAsync();

        Assert.Equal((1L, 1L), (first.Heartbeat.HeadSequence, first.ResumeAfterSequence));
        Assert.Equal(_clock.GetUtcNow() - Interval, first.Heartbeat.Time.ToDateTimeOffset());
        Assert.Equal(2, recorded.Event.Sequence);
        Assert.Equal((2L, 2L), (second.Heartbeat.HeadSequence, second.ResumeAfterSequence));
        Assert.False(stream.TryRead(out _), "one heartbeat per tick");
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run).Bounded();
        Assert.Equal(0, _feed.WatchCount);
    }

    [Fact]
    public async Task Tick_SentWithinTheInterval_NoHeartbeat()
    {
        using var cancel = new CancellationTokenSource();
        var stream = new ChannelStreamWriter();
        var run = RunSessionAsync(new WatchCampaignStatusRequest { Tenant = Notifications.Tenant, AfterSequence = 0 }, stream, cancel.Token);
        await _feed.WhenAttachedAsync().Bounded();

        _clock.Advance(Interval / 2);
        await _writer.RecordAsync(Notifications.Of(Notifications.Load), CancellationToken.None).Bounded();
        var recorded = await stream.ReadAsync();
        _clock.Advance(Interval / 2);
        _clock.Advance(Interval);
        var heartbeat = await stream.ReadAsync();

        Assert.Equal(1, recorded.Event.Sequence);
        Assert.Equal(_clock.GetUtcNow(), heartbeat.Heartbeat.Time.ToDateTimeOffset());
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run).Bounded();
    }

    [Fact]
    public async Task Tick_FilteredOutEvents_HeartbeatMovesResumePoint()
    {
        using var cancel = new CancellationTokenSource();
        var stream = new ChannelStreamWriter();
        var run = RunSessionAsync(new WatchCampaignStatusRequest { Tenant = Notifications.Tenant, Kinds = { CampaignEventKind.Unloaded } }, stream, cancel.Token);
        await _feed.WhenAttachedAsync().Bounded();

        for (var i = 0; i < 3; i++)
        {
            await _writer.RecordAsync(Notifications.Of(Notifications.Load), CancellationToken.None).Bounded();
        }

        WatchCampaignStatusResponse heartbeat;
        do
        {
            _clock.Advance(Interval);
            heartbeat = await stream.ReadAsync();
        }
        while (heartbeat.Heartbeat.HeadSequence < 3);

        Assert.Equal(3, heartbeat.ResumeAfterSequence);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run).Bounded();
    }

    [Fact]
    public async Task Publish_CommitsWithinTheBatchInterval_GoOutTogetherAfterIt()
    {
        var options = new CampaignStatusOptions { HeartbeatInterval = Interval, WatchBufferSize = 16, WatchBatchInterval = BatchInterval };
        await using var feed = new TenantEventFeed(Notifications.Tenant, _store, options, _clock, NullLogger.Instance);
        using var cancel = new CancellationTokenSource();
        var stream = new ChannelStreamWriter();
        var run = RunSessionAsync(new WatchCampaignStatusRequest { Tenant = Notifications.Tenant, AfterSequence = 0 }, stream, cancel.Token, feed);
        await feed.WhenAttachedAsync().Bounded();
        var batching = _clock.NextTimerCreatedAsync();

        await _writer.RecordAsync(Notifications.Of(Notifications.Load), CancellationToken.None).Bounded();
        var first = await stream.ReadAsync();
        await batching.Bounded();
        await _writer.RecordAsync(Notifications.Of(Notifications.Start), CancellationToken.None).Bounded();
        await _writer.RecordAsync(Notifications.Of(null), CancellationToken.None).Bounded();
        var heldBack = stream.TryRead(out _);
        _clock.Advance(BatchInterval);
        var second = await stream.ReadAsync();
        var third = await stream.ReadAsync();

        Assert.Equal(1, first.Event.Sequence);
        Assert.False(heldBack, "commits within the interval wait for it");
        Assert.Equal((2L, 3L), (second.Event.Sequence, third.Event.Sequence));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run).Bounded();
    }

    private Task RunSessionAsync(WatchCampaignStatusRequest request, ChannelStreamWriter stream, CancellationToken cancellationToken, TenantEventFeed? feed = null)
    {
        var session = new WatchSession(_store, new CampaignStateReader(_store), feed ?? _feed, _options, _clock, NullLogger.Instance, stream, cancellationToken);
        return Task.Run(() => session.RunAsync(request, request.Tenant, new WatchFilter(request)), CancellationToken.None);
    }

    private sealed class ChannelStreamWriter : IServerStreamWriter<WatchCampaignStatusResponse>
    {
        private readonly Channel<WatchCampaignStatusResponse> _written = Channel.CreateUnbounded<WatchCampaignStatusResponse>();

        public WriteOptions? WriteOptions { get; set; }

        public Task WriteAsync(WatchCampaignStatusResponse message) => WriteAsync(message, CancellationToken.None);

        public Task WriteAsync(WatchCampaignStatusResponse message, CancellationToken cancellationToken)
        {
            // Through the bytes, as the wire carries it (live events are written pre-encoded).
            _written.Writer.TryWrite(WatchCampaignStatusResponse.Parser.ParseFrom(message.ToByteArray()));
            return Task.CompletedTask;
        }

        internal Task<WatchCampaignStatusResponse> ReadAsync() => _written.Reader.ReadAsync().AsTask().Bounded();

        internal bool TryRead(out WatchCampaignStatusResponse? message) => _written.Reader.TryRead(out message);
    }
}
