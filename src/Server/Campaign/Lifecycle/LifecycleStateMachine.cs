using JourneyGrpc.Campaign.V1;

namespace JourneyGrpc.Server.Campaign.Lifecycle;

/// <summary>
/// The documented campaign-group lifecycle (OCS Deployment Guide, Campaign Group Status Reporting;
/// reference genesys-apis.md §C.5): loaded → started → [dial mode change]* → stopped → unloaded, with
/// periodic statistics while the group is loaded. A group may be unloaded while dialing (RTME:
/// "Running … until dialing stopped or unload"). OCS never retries a notification, so a transition the
/// lifecycle does not allow means one was lost: the event is flagged and the group takes the state the
/// event implies, because OCS reports what is true now.
/// </summary>
internal static class LifecycleStateMachine
{
    /// <summary>The transition of a group in <paramref name="from"/> on an event of <paramref name="kind"/>.</summary>
    /// <param name="from">The group's state; <see cref="CampaignGroupLifecycle.Unspecified"/> when it has no event yet.</param>
    /// <param name="kind">What the event reports.</param>
    /// <param name="reported">The state GSW_CAMPAIGN_GROUP_STATE reports, or <see cref="CampaignGroupLifecycle.Unspecified"/>; only statistics use it.</param>
    internal static LifecycleTransition Apply(CampaignGroupLifecycle from, CampaignEventKind kind, CampaignGroupLifecycle reported)
    {
        var to = Target(from, kind, reported);
        if (from == CampaignGroupLifecycle.Unspecified)
        {
            return kind == CampaignEventKind.Loaded
                ? new(to, TransitionCheck.Valid, string.Empty)
                : new(to, TransitionCheck.FirstSeen, $"first event of the group is {Name(kind)}: what came before was not seen");
        }

        if (IsAllowed(from, kind, reported))
        {
            return new(to, TransitionCheck.Valid, string.Empty);
        }

        var note = kind == CampaignEventKind.Statistics && reported != CampaignGroupLifecycle.Unspecified
            ? $"STATISTICS reporting {Name(reported)} while {Name(from)}: a notification was lost"
            : $"{Name(kind)} while {Name(from)}: a notification was lost";
        return new(to, TransitionCheck.Impossible, note);
    }

    /// <summary>The transition of an event older than the one that set the group's state: recorded, state unchanged.</summary>
    internal static LifecycleTransition OutOfOrder(CampaignGroupLifecycle from, string eventTime, string stateTime, long stateSequence) =>
        new(from, TransitionCheck.OutOfOrder, $"GSW_DATE_TIME {eventTime} is older than {stateTime} of event {stateSequence}, which set the state");

    /// <summary>Upper-case names used in transition notes, e.g. <c>DIAL_MODE_CHANGED</c>, <c>RUNNING</c>.</summary>
    internal static string Name(CampaignEventKind kind) => kind switch
    {
        CampaignEventKind.Loaded => "LOADED",
        CampaignEventKind.Started => "STARTED",
        CampaignEventKind.Stopped => "STOPPED",
        CampaignEventKind.Unloaded => "UNLOADED",
        CampaignEventKind.DialModeChanged => "DIAL_MODE_CHANGED",
        CampaignEventKind.Statistics => "STATISTICS",
        _ => "UNSPECIFIED",
    };

    /// <inheritdoc cref="Name(CampaignEventKind)"/>
    internal static string Name(CampaignGroupLifecycle lifecycle) => lifecycle switch
    {
        CampaignGroupLifecycle.Unloaded => "UNLOADED",
        CampaignGroupLifecycle.Loaded => "LOADED",
        CampaignGroupLifecycle.Running => "RUNNING",
        _ => "UNSPECIFIED",
    };

    private static bool IsAllowed(CampaignGroupLifecycle from, CampaignEventKind kind, CampaignGroupLifecycle reported) => kind switch
    {
        CampaignEventKind.Loaded => from == CampaignGroupLifecycle.Unloaded,
        CampaignEventKind.Started => from == CampaignGroupLifecycle.Loaded,
        CampaignEventKind.DialModeChanged => from == CampaignGroupLifecycle.Running,
        CampaignEventKind.Stopped => from == CampaignGroupLifecycle.Running,
        CampaignEventKind.Unloaded => from is CampaignGroupLifecycle.Loaded or CampaignGroupLifecycle.Running,
        CampaignEventKind.Statistics => from is CampaignGroupLifecycle.Loaded or CampaignGroupLifecycle.Running
            && (reported == CampaignGroupLifecycle.Unspecified || reported == from),
        _ => false,
    };

    private static CampaignGroupLifecycle Target(CampaignGroupLifecycle from, CampaignEventKind kind, CampaignGroupLifecycle reported) => kind switch
    {
        CampaignEventKind.Loaded or CampaignEventKind.Stopped => CampaignGroupLifecycle.Loaded,
        CampaignEventKind.Started or CampaignEventKind.DialModeChanged => CampaignGroupLifecycle.Running,
        CampaignEventKind.Unloaded => CampaignGroupLifecycle.Unloaded,

        // Periodic notifications come for active groups only: without a reported state, a group not
        // known to be loaded is taken as loaded.
        _ when reported != CampaignGroupLifecycle.Unspecified => reported,
        _ => from is CampaignGroupLifecycle.Loaded or CampaignGroupLifecycle.Running ? from : CampaignGroupLifecycle.Loaded,
    };
}
