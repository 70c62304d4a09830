using Grpc.Core;
using JourneyGrpc.Server.Tests.Campaign.Infrastructure;
using JourneyGrpc.Server.Tests.WebEngagement.Infrastructure;
using JourneyGrpc.WebEngagement.V1;

namespace JourneyGrpc.Server.Tests.WebEngagement.Functional;

/// <summary>
/// Every state a web action can be in × every action event (and noengage), through the running service:
/// the change is made (the action is in the new state) or refused with FAILED_PRECONDITION (the action is
/// left as it was). The expected column is written out here, independently of the service's table.
/// </summary>
public sealed class TransitionTableTests(TransitionTableTests.HostFixture fixture) : IClassFixture<TransitionTableTests.HostFixture>
{
    private const string Content = "contentOffer";
    private const string Messaging = "webMessagingOffer";

    /// <summary>How to bring a new action into each state: action-event literals, or noengage, or the clock.</summary>
    private static readonly Dictionary<string, string[]> Paths = new()
    {
        ["QUALIFIED"] = [],
        ["OFFERED"] = ["offered"],
        ["ACCEPTED"] = ["offered", "accepted"],
        ["REJECTED"] = ["offered", "rejected"],
        ["ERRORED"] = ["errored"],
        ["IGNORED"] = ["offered", "ignored"],
        ["TIMED_OUT"] = ["offered", "timedout"],
        ["ENGAGED"] = ["offered", "accepted", "engaged"],
        ["BLOCKED"] = ["frequencyCapReached"],
        ["CANCELLED"] = ["noengage"],
        ["EXPIRED"] = ["clock"],
    };

    /// <summary>What each literal (and noengage) is allowed from, per media type; everything else is refused.</summary>
    private static readonly Dictionary<string, string[]> AllowedFrom = new()
    {
        ["offered"] = ["QUALIFIED"],
        ["accepted"] = ["OFFERED"],
        ["rejected"] = ["OFFERED", "ACCEPTED/webMessagingOffer"],
        ["errored"] = ["QUALIFIED", "OFFERED"],
        ["ignored"] = ["OFFERED"],
        ["timedout"] = ["OFFERED"],
        ["engaged"] = ["ACCEPTED/webMessagingOffer"],
        ["qualifiedOutsideSchedule"] = ["QUALIFIED"],
        ["frequencyCapReached"] = ["QUALIFIED"],
        ["noengage"] = ["QUALIFIED", "OFFERED"],
    };

    private static readonly Dictionary<string, string> Reaches = new()
    {
        ["offered"] = "OFFERED", ["accepted"] = "ACCEPTED", ["rejected"] = "REJECTED", ["errored"] = "ERRORED", ["ignored"] = "IGNORED",
        ["timedout"] = "TIMED_OUT", ["engaged"] = "ENGAGED", ["qualifiedOutsideSchedule"] = "BLOCKED", ["frequencyCapReached"] = "BLOCKED", ["noengage"] = "CANCELLED",
    };

    public static TheoryData<string, string, string, bool> EveryTransition()
    {
        var data = new TheoryData<string, string, string, bool>();
        foreach (var media in new[] { Content, Messaging })
        {
            foreach (var from in Paths.Keys)
            {
                if (from == "ENGAGED" && media == Content)
                {
                    continue; // a content offer never reaches ENGAGED
                }

                foreach (var (change, allowed) in AllowedFrom)
                {
                    data.Add(media, from, change, allowed.Contains(from) || allowed.Contains($"{from}/{media}"));
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryTransition))]
    public async Task Change_FromEveryState_AllowedOrRefusedAsTheTableSays(string mediaType, string from, string change, bool allowed)
    {
        var client = fixture.Host.Client;
        var action = await BringToAsync(mediaType, from);
        Assert.Equal(from, Short(action.State));

        if (allowed)
        {
            var changed = await ApplyAsync(action, change);
            Assert.Equal(Reaches[change], Short(changed.State));
            var read = await client.GetWebActionAsync(new GetWebActionRequest { DeploymentId = Visits.Deployment, ActionId = action.Id }).ResponseAsync.Bounded();
            Assert.Equal(Reaches[change], Short(read.WebAction.State));
        }
        else
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => ApplyAsync(action, change));
            if (change == "noengage")
            {
                // Nothing in progress to cancel: NOT_FOUND (HTTP 400 on the GWE URL).
                Assert.Equal(StatusCode.NotFound, error.StatusCode);
            }
            else
            {
                Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
                Assert.StartsWith($"Web action {action.Id}: cannot change from {from} to {Reaches[change]}: ", error.Status.Detail);
            }

            var read = await client.GetWebActionAsync(new GetWebActionRequest { DeploymentId = Visits.Deployment, ActionId = action.Id }).ResponseAsync.Bounded();
            Assert.Equal(from, Short(read.WebAction.State));
        }
    }

    [Fact]
    public void Table_CoversEveryStateAndEveryAcceptedLiteral()
    {
        var states = Enum.GetValues<WebActionState>().Where(s => s != WebActionState.Unspecified).Select(Short).Order();
        Assert.Equal(states, Paths.Keys.Order());
        Assert.Equal(10, AllowedFrom.Count);
    }

    private async Task<WebAction> BringToAsync(string mediaType, string state)
    {
        var client = fixture.Host.Client;
        var action = (await client.EngageAsync(Visits.Engage(mediaType: mediaType)).ResponseAsync.Bounded()).WebAction;
        foreach (var step in Paths[state])
        {
            if (step == "clock")
            {
                fixture.Host.Clock.Advance(TimeSpan.FromSeconds(30));
                action = (await client.GetWebActionAsync(new GetWebActionRequest { DeploymentId = Visits.Deployment, ActionId = action.Id }).ResponseAsync.Bounded()).WebAction;
            }
            else
            {
                action = await ApplyAsync(action, step);
            }
        }

        return action;
    }

    private async Task<WebAction> ApplyAsync(WebAction action, string change)
    {
        var client = fixture.Host.Client;
        if (change == "noengage")
        {
            var cancelled = await client.NoEngageAsync(new NoEngageRequest { DeploymentId = Visits.Deployment, CancelData = new IxnProfile { VisitId = action.SessionId } }).ResponseAsync.Bounded();
            return Assert.Single(cancelled.WebActions);
        }

        return (await client.RecordActionEventAsync(Visits.Event(action, change)).ResponseAsync.Bounded()).WebAction;
    }

    private static string Short(WebActionState state) => state.ToString() switch
    {
        "TimedOut" => "TIMED_OUT",
        var name => name.ToUpperInvariant(),
    };

    /// <summary>One server for the whole table.</summary>
    public sealed class HostFixture : IAsyncLifetime
    {
        internal EngagementTestHost Host { get; private set; } = null!;

        public async Task InitializeAsync() => Host = await EngagementTestHost.StartAsync();

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
