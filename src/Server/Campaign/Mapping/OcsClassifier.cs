using JourneyGrpc.Campaign.V1;

namespace JourneyGrpc.Server.Campaign.Mapping;

/// <summary>
/// Reads OCS's numeric codes (reference genesys-apis.md §C.4): GSW_CAMPAIGN_GROUP_ACTION is a CMMessageType
/// request, GSW_CAMPAIGN_GROUP_STATE a GSW_CM_AttrGroupCampStatus value.
/// </summary>
internal static class OcsClassifier
{
    /// <summary>The event kind of a notification: from its action, or statistics for any other action or none.</summary>
    internal static CampaignEventKind Kind(CampaignGroupStateNotification notification) =>
        !notification.HasGswCampaignGroupAction ? CampaignEventKind.Statistics : notification.GswCampaignGroupAction switch
        {
            7 => CampaignEventKind.Loaded,            // CM_ReqLoadCampaign
            8 or 29 => CampaignEventKind.Unloaded,    // CM_ReqUnloadCampaign, CM_ReqForceUnloadCampaign
            9 => CampaignEventKind.Started,           // CM_ReqStartDialing
            10 => CampaignEventKind.Stopped,          // CM_ReqStopDialing
            11 => CampaignEventKind.DialModeChanged,  // CM_ReqSetDialingMode
            _ => CampaignEventKind.Statistics,
        };

    /// <summary>The lifecycle state GSW_CAMPAIGN_GROUP_STATE reports, or unspecified (absent, -1 Unknown, or an unknown value).</summary>
    internal static CampaignGroupLifecycle ReportedLifecycle(CampaignGroupStateNotification notification) =>
        !notification.HasGswCampaignGroupState ? CampaignGroupLifecycle.Unspecified : notification.GswCampaignGroupState switch
        {
            0 => CampaignGroupLifecycle.Unloaded,                 // CM_GCS_NotLoaded
            1 or 2 or 3 or 4 => CampaignGroupLifecycle.Loaded,    // WaitingUnload, UnloadInProgress, InActive, Active
            5 => CampaignGroupLifecycle.Running,                  // CM_GCS_Running
            _ => CampaignGroupLifecycle.Unspecified,
        };
}
