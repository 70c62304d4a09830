using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using JourneyGrpc.WebEngagement.V1;

namespace JourneyGrpc.Conformance.Tests.Engagement;

/// <summary>
/// The flows the grpcio client runs, through the generated typed client (JourneyGrpc.Contracts'
/// EngagementServiceClient over Grpc.Net.Client) against the same live server.
/// </summary>
[Collection(EngagementConformanceCollection.Name)]
public sealed class TypedClientEngagementTests(EngagementClientRuns runs) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly string _deployment = Guid.NewGuid().ToString("D");
    private readonly string _map = Guid.NewGuid().ToString("D");
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(runs.GrpcAddress);

    private EngagementService.EngagementServiceClient Client => new(_channel);

    [Fact]
    public async Task Lifecycle_TypedClient_EngageOfferAcceptThenTerminalAndCounted()
    {
        var action = await EngageAsync();
        var refused = await Assert.ThrowsAsync<RpcException>(() => EngageAsync(action.SessionId));
        var offered = await EventAsync(action, "offered");
        var accepted = await EventAsync(offered, "accepted");
        var terminal = await Assert.ThrowsAsync<RpcException>(() => EventAsync(accepted, "rejected"));
        var now = DateTimeOffset.UtcNow;
        var performance = await Client.GetActionMapPerformanceAsync(new GetActionMapPerformanceRequest
        {
            DeploymentId = _deployment,
            ActionMapId = _map,
            ActionMapVersion = 1,
            StartTime = Timestamp.FromDateTimeOffset(now.AddHours(-1)),
            EndTime = Timestamp.FromDateTimeOffset(now.AddHours(1)),
        }, deadline: DateTime.UtcNow.Add(Deadline));

        Assert.Equal(WebActionState.Qualified, action.State);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal(WebActionState.Accepted, accepted.State);
        Assert.Equal(StatusCode.FailedPrecondition, terminal.StatusCode);
        Assert.EndsWith("cannot change from ACCEPTED to REJECTED: ACCEPTED is terminal.", terminal.Status.Detail);
        Assert.Equal((1L, 1L, 1L, 100.0, 100.0), (performance.Qualified, performance.Offered, performance.Accepted, performance.OfferedPercent, performance.AcceptedPercent));
    }

    [Fact]
    public async Task NoEngageAndPing_TypedClient_CancelledAndNoLongerWaiting()
    {
        var customer = Guid.NewGuid().ToString("D");
        var action = await EngageAsync(customer: customer);
        var before = await Client.PingAsync(new PingRequest { DeploymentId = _deployment, CustomerCookieId = customer }, deadline: DateTime.UtcNow.Add(Deadline));
        var cancelled = await Client.NoEngageAsync(new NoEngageRequest { DeploymentId = _deployment, CancelData = new IxnProfile { VisitId = action.SessionId } }, deadline: DateTime.UtcNow.Add(Deadline));
        var after = await Client.PingAsync(new PingRequest { DeploymentId = _deployment, CustomerCookieId = customer }, deadline: DateTime.UtcNow.Add(Deadline));

        Assert.Equal(action.Id, Assert.Single(before.Actions).Id);
        Assert.Equal(WebActionState.Cancelled, Assert.Single(cancelled.WebActions).State);
        Assert.Empty(after.Actions);
    }

    [Fact]
    public async Task InvalidEvent_TypedClient_BadRequestNamesEveryField()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RecordActionEventAsync(
            new RecordActionEventRequest { DeploymentId = "prod", SessionId = "s", ActionId = Guid.NewGuid().ToString("D"), ActionState = "Accepted" },
            deadline: DateTime.UtcNow.Add(Deadline)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["deploymentId", "sessionId", "actionState"], error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task Watch_TypedClient_StartThenChangesAndResume()
    {
        using var cancel = new CancellationTokenSource(Deadline);
        using var live = Client.WatchWebActions(new WatchWebActionsRequest { DeploymentId = _deployment }, cancellationToken: cancel.Token);
        Assert.True(await live.ResponseStream.MoveNext(cancel.Token));
        Assert.Equal(WatchWebActionsResponse.PayloadOneofCase.Start, live.ResponseStream.Current.PayloadCase);
        var action = await EngageAsync();
        await EventAsync(action, "offered");
        Assert.True(await live.ResponseStream.MoveNext(cancel.Token));
        var first = live.ResponseStream.Current;
        Assert.True(await live.ResponseStream.MoveNext(cancel.Token));
        var second = live.ResponseStream.Current;

        using var resumed = Client.WatchWebActions(new WatchWebActionsRequest { DeploymentId = _deployment, AfterSequence = first.ResumeAfterSequence }, cancellationToken: cancel.Token);
        Assert.True(await resumed.ResponseStream.MoveNext(cancel.Token));
        Assert.True(await resumed.ResponseStream.MoveNext(cancel.Token));

        Assert.Equal([WebActionState.Qualified, WebActionState.Offered], new[] { first, second }.Select(m => m.Event.Action.State));
        Assert.Equal(second.Event, resumed.ResponseStream.Current.Event);
    }

    public void Dispose() => _channel.Dispose();

    private async Task<WebAction> EngageAsync(string? visit = null, string? customer = null) =>
        (await Client.EngageAsync(new EngageRequest
        {
            DeploymentId = _deployment,
            ActionMapId = _map,
            ActionMapVersion = 1,
            IxnProfile = new IxnProfile { VisitId = visit ?? Guid.NewGuid().ToString("D"), GlobalVisitId = customer ?? Guid.NewGuid().ToString("D") },
        }, deadline: DateTime.UtcNow.Add(Deadline))).WebAction;

    private async Task<WebAction> EventAsync(WebAction action, string state) =>
        (await Client.RecordActionEventAsync(
            new RecordActionEventRequest { DeploymentId = _deployment, SessionId = action.SessionId, ActionId = action.Id, ActionState = state },
            deadline: DateTime.UtcNow.Add(Deadline))).WebAction;
}
