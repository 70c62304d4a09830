using JourneyGrpc.Campaign.V1;
using JourneyGrpc.Server.Campaign.Lifecycle;

namespace JourneyGrpc.Server.Tests.Campaign.Lifecycle;

public sealed class LifecycleStateMachineTests
{
    private const CampaignGroupLifecycle None = CampaignGroupLifecycle.Unspecified;
    private const CampaignGroupLifecycle Unloaded = CampaignGroupLifecycle.Unloaded;
    private const CampaignGroupLifecycle Loaded = CampaignGroupLifecycle.Loaded;
    private const CampaignGroupLifecycle Running = CampaignGroupLifecycle.Running;
    private const TransitionCheck Valid = TransitionCheck.Valid;
    private const TransitionCheck FirstSeen = TransitionCheck.FirstSeen;
    private const TransitionCheck Impossible = TransitionCheck.Impossible;

    /// <summary>Every state × every kind, with no reported state: allowed, or flagged and where the group goes.</summary>
    public static TheoryData<CampaignGroupLifecycle, CampaignEventKind, CampaignGroupLifecycle, TransitionCheck, string> EveryTransition { get; } = new()
    {
        { None, CampaignEventKind.Loaded, Loaded, Valid, "" },
        { None, CampaignEventKind.Started, Running, FirstSeen, "first event of the group is STARTED: what came before was not seen" },
        { None, CampaignEventKind.Stopped, Loaded, FirstSeen, "first event of the group is STOPPED: what came before was not seen" },
        { None, CampaignEventKind.Unloaded, Unloaded, FirstSeen, "first event of the group is UNLOADED: what came before was not seen" },
        { None, CampaignEventKind.DialModeChanged, Running, FirstSeen, "first event of the group is DIAL_MODE_CHANGED: what came before was not seen" },
        { None, CampaignEventKind.Statistics, Loaded, FirstSeen, "first event of the group is STATISTICS: what came before was not seen" },

        { Unloaded, CampaignEventKind.Loaded, Loaded, Valid, "" },
        { Unloaded, CampaignEventKind.Started, Running, Impossible, "STARTED while UNLOADED: a notification was lost" },
        { Unloaded, CampaignEventKind.Stopped, Loaded, Impossible, "STOPPED while UNLOADED: a notification was lost" },
        { Unloaded, CampaignEventKind.Unloaded, Unloaded, Impossible, "UNLOADED while UNLOADED: a notification was lost" },
        { Unloaded, CampaignEventKind.DialModeChanged, Running, Impossible, "DIAL_MODE_CHANGED while UNLOADED: a notification was lost" },
        { Unloaded, CampaignEventKind.Statistics, Loaded, Impossible, "STATISTICS while UNLOADED: a notification was lost" },

        { Loaded, CampaignEventKind.Loaded, Loaded, Impossible, "LOADED while LOADED: a notification was lost" },
        { Loaded, CampaignEventKind.Started, Running, Valid, "" },
        { Loaded, CampaignEventKind.Stopped, Loaded, Impossible, "STOPPED while LOADED: a notification was lost" },
        { Loaded, CampaignEventKind.Unloaded, Unloaded, Valid, "" },
        { Loaded, CampaignEventKind.DialModeChanged, Running, Impossible, "DIAL_MODE_CHANGED while LOADED: a notification was lost" },
        { Loaded, CampaignEventKind.Statistics, Loaded, Valid, "" },

        { Running, CampaignEventKind.Loaded, Loaded, Impossible, "LOADED while RUNNING: a notification was lost" },
        { Running, CampaignEventKind.Started, Running, Impossible, "STARTED while RUNNING: a notification was lost" },
        { Running, CampaignEventKind.Stopped, Loaded, Valid, "" },
        { Running, CampaignEventKind.Unloaded, Unloaded, Valid, "" },
        { Running, CampaignEventKind.DialModeChanged, Running, Valid, "" },
        { Running, CampaignEventKind.Statistics, Running, Valid, "" },
    };

    /// <summary>Periodic statistics that report a state (GSW_CAMPAIGN_GROUP_STATE).</summary>
    public static TheoryData<CampaignGroupLifecycle, CampaignGroupLifecycle, CampaignGroupLifecycle, TransitionCheck, string> StatisticsWithReportedState { get; } = new()
    {
        { None, Running, Running, FirstSeen, "first event of the group is STATISTICS: what came before was not seen" },
        { Loaded, Loaded, Loaded, Valid, "" },
        { Running, Running, Running, Valid, "" },
        { Loaded, Running, Running, Impossible, "STATISTICS reporting RUNNING while LOADED: a notification was lost" },
        { Running, Loaded, Loaded, Impossible, "STATISTICS reporting LOADED while RUNNING: a notification was lost" },
        { Unloaded, Running, Running, Impossible, "STATISTICS reporting RUNNING while UNLOADED: a notification was lost" },
        { Running, Unloaded, Unloaded, Impossible, "STATISTICS reporting UNLOADED while RUNNING: a notification was lost" },
    };

    [Theory]
    [MemberData(nameof(EveryTransition))]
    public void Apply_StateAndKind_AllowedOrFlagged(CampaignGroupLifecycle from, CampaignEventKind kind, CampaignGroupLifecycle to, TransitionCheck check, string note)
    {
        var transition = LifecycleStateMachine.Apply(from, kind, CampaignGroupLifecycle.Unspecified);

        Assert.Equal(new LifecycleTransition(to, check, note), transition);
        Assert.Equal(check == Impossible, transition.IsFlagged);
    }

    [Theory]
    [MemberData(nameof(StatisticsWithReportedState))]
    public void Apply_StatisticsReportingState_TakesReportedState(CampaignGroupLifecycle from, CampaignGroupLifecycle reported, CampaignGroupLifecycle to, TransitionCheck check, string note)
    {
        var transition = LifecycleStateMachine.Apply(from, CampaignEventKind.Statistics, reported);

        Assert.Equal(new LifecycleTransition(to, check, note), transition);
    }

    [Theory]
    [InlineData(CampaignEventKind.Started, CampaignGroupLifecycle.Unspecified)]
    [InlineData(CampaignEventKind.Loaded, CampaignGroupLifecycle.Running)]
    public void Apply_NonStatisticsKind_IgnoresReportedState(CampaignEventKind kind, CampaignGroupLifecycle reported)
    {
        var withReport = LifecycleStateMachine.Apply(Loaded, kind, reported);
        var without = LifecycleStateMachine.Apply(Loaded, kind, CampaignGroupLifecycle.Unspecified);

        Assert.Equal(without, withReport);
    }

    [Fact]
    public void OutOfOrder_AnyState_KeepsStateAndFlags()
    {
        var transition = LifecycleStateMachine.OutOfOrder(Running, "1763726399.000", "1763726400.125", 7);

        Assert.Equal(new LifecycleTransition(Running, TransitionCheck.OutOfOrder, "GSW_DATE_TIME 1763726399.000 is older than 1763726400.125 of event 7, which set the state"), transition);
        Assert.True(transition.IsFlagged);
    }
}
