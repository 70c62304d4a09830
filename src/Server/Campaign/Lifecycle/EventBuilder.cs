using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Campaign.V1;
using JourneyGrpc.Server.Campaign.Mapping;

namespace JourneyGrpc.Server.Campaign.Lifecycle;

/// <summary>Turns a notification into its event and the group's next state, given the group's current state.</summary>
internal static class EventBuilder
{
    /// <summary>The event at <paramref name="sequence"/> and the group's state after it.</summary>
    internal static (CampaignStatusEvent Event, CampaignGroupState State) Apply(
        string tenant, long sequence, CampaignGroupStateNotification notification, DateTimeOffset receivedAt, CampaignGroupState? current)
    {
        var kind = OcsClassifier.Kind(notification);
        var from = current?.Lifecycle ?? CampaignGroupLifecycle.Unspecified;
        var transition = IsOlder(notification, current, out var stateTime)
            ? LifecycleStateMachine.OutOfOrder(from, notification.GswDateTime, stateTime, current!.LatestEvent.Sequence)
            : LifecycleStateMachine.Apply(from, kind, OcsClassifier.ReportedLifecycle(notification));

        var recorded = new CampaignStatusEvent
        {
            Sequence = sequence,
            ReceiveTime = Timestamp.FromDateTimeOffset(receivedAt),
            Tenant = tenant,
            Kind = kind,
            PreviousLifecycle = from,
            Lifecycle = transition.To,
            TransitionCheck = transition.Check,
            TransitionNote = transition.Note,
            Notification = notification,
        };

        var next = current?.Clone() ?? new CampaignGroupState { Tenant = tenant, CampaignGroupGuid = notification.GswCampaignGroupGuid };
        next.LastSequence = sequence;
        if (transition.IsFlagged)
        {
            next.FlaggedEventCount++;
        }

        if (transition.Check != TransitionCheck.OutOfOrder)
        {
            next.Lifecycle = transition.To;
            next.LatestEvent = recorded;
            next.CampaignGroupName = notification.GswCampaignGroupName;
            next.CampaignGroupDbid = notification.GswCampaignGroupDbid;
        }

        return (recorded, next);
    }

    // Only a time strictly older than the one that set the state is out of order: OCS stamps with
    // milliseconds, and two notifications in the same millisecond keep their arrival order.
    private static bool IsOlder(CampaignGroupStateNotification notification, CampaignGroupState? current, out string stateTime)
    {
        stateTime = current?.LatestEvent?.Notification?.GswDateTime ?? string.Empty;
        return current?.LatestEvent is not null
            && OcsDateTime.TryParse(notification.GswDateTime, out var eventMs)
            && OcsDateTime.TryParse(stateTime, out var stateMs)
            && eventMs < stateMs;
    }
}
