using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using JourneyGrpc.Server.Tests.Campaign.Infrastructure;
using JourneyGrpc.Server.Tests.WebEngagement.Infrastructure;
using JourneyGrpc.WebEngagement.V1;

namespace JourneyGrpc.Server.Tests.WebEngagement.Functional;

/// <summary>Attempts, expiry, strict mode, ping, performance and the watch through the generated client.</summary>
public sealed class EngagementServiceTests : IAsyncLifetime
{
    private EngagementTestHost _host = null!;

    private EngagementService.EngagementServiceClient Client => _host.Client;

    public async Task InitializeAsync() => _host = await EngagementTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Engage_AfterEngagementExpirationTime_AttemptExpiredAndTheVisitFree()
    {
        var first = (await Client.EngageAsync(Visits.Engage()).ResponseAsync.Bounded()).WebAction;
        var visit = first.SessionId;
        Assert.Equal(first.CreateTime.ToDateTimeOffset().AddSeconds(30), first.ExpireTime.ToDateTimeOffset());

        _host.Clock.Advance(TimeSpan.FromSeconds(29));
        var refused = await Assert.ThrowsAsync<RpcException>(() => Client.EngageAsync(Visits.Engage(visit)).ResponseAsync.Bounded());
        _host.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = (await Client.EngageAsync(Visits.Engage(visit)).ResponseAsync.Bounded()).WebAction;
        var firstNow = await GetAsync(first.Id);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal(WebActionState.Qualified, second.State);
        Assert.Equal(WebActionState.Expired, firstNow.State);

        // Written, not only computed: the history has it.
        Assert.Equal(WebActionState.Expired, firstNow.History[^1].State);
    }

    [Fact]
    public async Task Offered_AfterRegistrationFormExpirationTime_TimedOutAndAnswerRefused()
    {
        var action = (await Client.EngageAsync(Visits.Engage()).ResponseAsync.Bounded()).WebAction;
        var offered = (await Client.RecordActionEventAsync(Visits.Event(action, "offered")).ResponseAsync.Bounded()).WebAction;
        _host.Clock.Advance(TimeSpan.FromSeconds(120));

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RecordActionEventAsync(Visits.Event(action, "accepted")).ResponseAsync.Bounded());

        Assert.Equal(offered.UpdateTime.ToDateTimeOffset().AddSeconds(120), offered.OfferExpireTime.ToDateTimeOffset());
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.StartsWith($"Web action {action.Id}: cannot change from TIMED_OUT to ACCEPTED: TIMED_OUT is terminal. (OFFERED ended by the clock at ", error.Status.Detail);
        Assert.Equal(WebActionState.TimedOut, (await GetAsync(action.Id)).State);
    }

    [Fact]
    public async Task Engage_SameVisitConcurrentlyInStrictMode_ExactlyOneAttempt()
    {
        var visit = Visits.NewId();
        var calls = Enumerable.Range(0, 8).Select(async _ =>
        {
            try
            {
                return (await Client.EngageAsync(Visits.Engage(visit)).ResponseAsync.Bounded()).WebAction.Id;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition)
            {
                return null;
            }
        });

        var ids = await Task.WhenAll(calls);

        Assert.Single(ids, id => id is not null);
    }

    [Fact]
    public async Task Engage_NonStrictMode_SeveralAttemptsAndNoEngageCancelsAllOrTheInteractionsOne()
    {
        await using var host = await EngagementTestHost.StartAsync(new Dictionary<string, string?> { ["Engagement:strictEngagementMode"] = "false" });
        var visit = Visits.NewId();
        var requests = Enumerable.Range(0, 3).Select(i =>
        {
            var request = Visits.Engage(visit);
            request.IxnProfile.InteractionId = $"ixn-{i}";
            return request;
        }).ToList();
        foreach (var request in requests)
        {
            await host.Client.EngageAsync(request).ResponseAsync.Bounded();
        }

        var one = await host.Client.NoEngageAsync(new NoEngageRequest { DeploymentId = Visits.Deployment, CancelData = new IxnProfile { VisitId = visit, InteractionId = "ixn-1" } }).ResponseAsync.Bounded();
        var rest = await host.Client.NoEngageAsync(new NoEngageRequest { DeploymentId = Visits.Deployment, CancelData = new IxnProfile { VisitId = visit } }).ResponseAsync.Bounded();

        Assert.Equal("ixn-1", Assert.Single(one.WebActions).IxnProfile.InteractionId);
        Assert.Equal(["ixn-0", "ixn-2"], rest.WebActions.Select(a => a.IxnProfile.InteractionId).Order());
    }

    [Fact]
    public async Task Engage_InvalidRequest_InvalidArgumentWithBadRequestNamingEveryField()
    {
        var request = new EngageRequest
        {
            IxnProfile = new IxnProfile { VisitId = "v1", GlobalVisitId = "g", InteractionId = new string('x', 65) },
            DeploymentId = "dep",
            ActionMapVersion = 2,
            MediaType = "webchat",
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.EngageAsync(request).ResponseAsync.Bounded());

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var badRequest = error.GetRpcStatus()!.GetDetail<BadRequest>();
        Assert.Equal(
            ["ixnProfile.visitID", "ixnProfile.globalVisitID", "ixnProfile.interactionID", "deploymentId", "actionMapVersion", "mediaType"],
            badRequest.FieldViolations.Select(v => v.Field));
        Assert.StartsWith("The engagement attempt is invalid: ixnProfile.visitID must be a UUID (8-4-4-4-12 hexadecimal digits), not 'v1'; ", error.Status.Detail);
    }

    [Fact]
    public async Task Ping_QualifiedOnly_OfferedAndExpiredLeaveIt()
    {
        var customer = Visits.NewId();
        var waiting = (await Client.EngageAsync(Visits.Engage(customerId: customer)).ResponseAsync.Bounded()).WebAction;
        var offered = (await Client.EngageAsync(Visits.Engage(customerId: customer)).ResponseAsync.Bounded()).WebAction;
        await Client.RecordActionEventAsync(Visits.Event(offered, "offered")).ResponseAsync.Bounded();
        var ping = new PingRequest { DeploymentId = Visits.Deployment, CustomerCookieId = customer };

        var before = await Client.PingAsync(ping).ResponseAsync.Bounded();
        _host.Clock.Advance(TimeSpan.FromSeconds(30));
        var after = await Client.PingAsync(ping).ResponseAsync.Bounded();

        Assert.Equal(waiting.Id, Assert.Single(before.Actions).Id);
        Assert.Equal(10_000, before.PollIntervalMilliseconds);
        Assert.Empty(after.Actions);
    }

    [Fact]
    public async Task Performance_TimeRange_CountsOnlyWhatHappenedInIt()
    {
        var map = Visits.NewId();
        async Task<WebAction> EngageAsync()
        {
            var request = Visits.Engage();
            request.ActionMapId = map;
            return (await Client.EngageAsync(request).ResponseAsync.Bounded()).WebAction;
        }

        var start = _host.Clock.GetUtcNow();
        var early = await EngageAsync();
        _host.Clock.Advance(TimeSpan.FromSeconds(20));
        var middle = _host.Clock.GetUtcNow();
        await Client.RecordActionEventAsync(Visits.Event(early, "offered")).ResponseAsync.Bounded();
        await EngageAsync();
        _host.Clock.Advance(TimeSpan.FromSeconds(20));

        GetActionMapPerformanceRequest Range(DateTimeOffset from, DateTimeOffset to) => new()
        {
            DeploymentId = Visits.Deployment,
            ActionMapId = map,
            ActionMapVersion = 1,
            StartTime = Timestamp.FromDateTimeOffset(from),
            EndTime = Timestamp.FromDateTimeOffset(to),
        };
        var firstDay = await Client.GetActionMapPerformanceAsync(Range(start, middle)).ResponseAsync.Bounded();
        var secondDay = await Client.GetActionMapPerformanceAsync(Range(middle, _host.Clock.GetUtcNow())).ResponseAsync.Bounded();
        var both = await Client.GetActionMapPerformanceAsync(Range(start, _host.Clock.GetUtcNow())).ResponseAsync.Bounded();

        Assert.Equal((1L, 0L, 0.0), (firstDay.Qualified, firstDay.Offered, firstDay.OfferedPercent));
        Assert.Equal((1L, 1L, 100.0), (secondDay.Qualified, secondDay.Offered, secondDay.OfferedPercent));
        Assert.Equal((2L, 1L, 50.0), (both.Qualified, both.Offered, both.OfferedPercent));
    }

    [Fact]
    public async Task Watch_ResumedAfterASequence_NoChangeSkippedOrRepeated()
    {
        var customer = Visits.NewId();
        using var cancel = new CancellationTokenSource(TestTimeouts.Default);
        using var live = Client.WatchWebActions(new WatchWebActionsRequest { DeploymentId = Visits.Deployment, CustomerId = customer }, cancellationToken: cancel.Token);

        // A live watch starts at the head, which its first message says: then an action of another customer, then this customer's.
        Assert.True(await live.ResponseStream.MoveNext(cancel.Token));
        Assert.NotNull(live.ResponseStream.Current.Start);
        await Client.EngageAsync(Visits.Engage()).ResponseAsync.Bounded();
        var action = (await Client.EngageAsync(Visits.Engage(customerId: customer)).ResponseAsync.Bounded()).WebAction;
        await Client.RecordActionEventAsync(Visits.Event(action, "offered")).ResponseAsync.Bounded();
        await Client.RecordActionEventAsync(Visits.Event(action, "rejected")).ResponseAsync.Bounded();

        var seen = new List<WatchWebActionsResponse>();
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await live.ResponseStream.MoveNext(cancel.Token));
            seen.Add(live.ResponseStream.Current);
        }

        using var resumed = Client.WatchWebActions(new WatchWebActionsRequest { DeploymentId = Visits.Deployment, SessionId = action.SessionId, AfterSequence = seen[0].ResumeAfterSequence }, cancellationToken: cancel.Token);
        var again = new List<WatchWebActionsResponse>();
        Assert.True(await resumed.ResponseStream.MoveNext(cancel.Token));
        Assert.Equal(seen[0].ResumeAfterSequence, resumed.ResponseStream.Current.Start.StartSequence);
        for (var i = 0; i < 2; i++)
        {
            Assert.True(await resumed.ResponseStream.MoveNext(cancel.Token));
            again.Add(resumed.ResponseStream.Current);
        }

        Assert.Equal([WebActionState.Qualified, WebActionState.Offered, WebActionState.Rejected], seen.Select(r => r.Event.Action.State));
        Assert.Equal([WebActionState.Unspecified, WebActionState.Qualified, WebActionState.Offered], seen.Select(r => r.Event.PreviousState));
        Assert.All(seen, r => Assert.Equal(r.ResumeAfterSequence, r.Event.Sequence));
        Assert.Equal(seen.Skip(1).Select(r => r.Event), again.Select(r => r.Event));
        var beyond = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var call = Client.WatchWebActions(new WatchWebActionsRequest { DeploymentId = Visits.Deployment, AfterSequence = seen[^1].ResumeAfterSequence + 1 }, cancellationToken: cancel.Token);
            await call.ResponseStream.MoveNext(cancel.Token);
        });
        Assert.Equal(StatusCode.OutOfRange, beyond.StatusCode);
    }

    private async Task<WebAction> GetAsync(string id) =>
        (await Client.GetWebActionAsync(new GetWebActionRequest { DeploymentId = Visits.Deployment, ActionId = id }).ResponseAsync.Bounded()).WebAction;
}
