using Google.Protobuf.Reflection;
using JourneyGrpc.Campaign.V1;

namespace JourneyGrpc.Server.Campaign.Mapping;

/// <summary>
/// The GSW keys errors and filters name, read from the contract's <c>json_name</c>s so that they are
/// written once (in campaign_group_state_notification.proto).
/// </summary>
internal static class OcsKeys
{
    /// <summary>The value of GSW_USER_EVENT in every campaign-group notification.</summary>
    internal const string CampaignGroupStateEvent = "CampaignGroupState";

    internal static readonly string UserEvent = Key(CampaignGroupStateNotification.GswUserEventFieldNumber);
    internal static readonly string DateTime = Key(CampaignGroupStateNotification.GswDateTimeFieldNumber);
    internal static readonly string TenantName = Key(CampaignGroupStateNotification.GswTenantNameFieldNumber);
    internal static readonly string CampaignGroupName = Key(CampaignGroupStateNotification.GswCampaignGroupNameFieldNumber);
    internal static readonly string CampaignGroupGuid = Key(CampaignGroupStateNotification.GswCampaignGroupGuidFieldNumber);
    internal static readonly string CampaignGroupDbid = Key(CampaignGroupStateNotification.GswCampaignGroupDbidFieldNumber);
    internal static readonly string StatBusyFactor = Key(CampaignGroupStateNotification.GswStatBusyFactorFieldNumber);
    internal static readonly string StatHitRatio = Key(CampaignGroupStateNotification.GswStatHitRatioFieldNumber);
    internal static readonly string StatOverdialRate = Key(CampaignGroupStateNotification.GswStatOverdialRateFieldNumber);
    internal static readonly string StatTimeToComplete = Key(CampaignGroupStateNotification.GswStatTimeToCompleteFieldNumber);
    internal static readonly string CallingLists = Key(CampaignGroupStateNotification.GswCallingListsFieldNumber);

    private static string Key(int fieldNumber) => Field(CampaignGroupStateNotification.Descriptor, fieldNumber).JsonName;

    private static FieldDescriptor Field(MessageDescriptor message, int number) =>
        message.FindFieldByNumber(number) ?? throw new InvalidOperationException($"{message.FullName} has no field {number}.");
}
