using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Campaign.V1;

namespace JourneyGrpc.Server.Tests.Campaign.Infrastructure;

/// <summary>OCS notifications for tests, with every key of the seed table.</summary>
internal static class Notifications
{
    internal const string Tenant = "Environment";
    internal const string Guid = "5f0c9a4e-2b7d-4c1e-9a53-0d6f7e8a9b10";
    internal const int Load = 7;
    internal const int Unload = 8;
    internal const int Start = 9;
    internal const int Stop = 10;
    internal const int SetDialMode = 11;

    /// <summary>A notification of <paramref name="action"/> (null: periodic) for group <paramref name="guid"/>.</summary>
    internal static CampaignGroupStateNotification Of(int? action, string guid = Guid, string tenant = Tenant, long unixMs = 1_763_726_400_125, string name = "Retention Q4@Outbound")
    {
        var notification = new CampaignGroupStateNotification
        {
            GswUserEvent = "CampaignGroupState",
            GswDateTime = $"{unixMs / 1000}.{unixMs % 1000:D3}",
            GswTenantName = tenant,
            GswTenantCcid = "CC-1",
            GswCampaignGroupName = name,
            GswCampaignGroupGuid = guid,
            GswCampaignGroupDbid = "1042",
            GswGroupName = "Outbound",
            GswCampaignName = "Retention Q4",
            GswCampaignTemplateName = "Retention",
            GswQueueName = "7000",
            GswCampaignGroupState = 5,
            GswCampaignGroupActor = 1,
        };
        if (action is { } a)
        {
            notification.GswCampaignGroupAction = a;
        }

        return notification;
    }

    /// <summary>A periodic notification with statistics at group and calling-list level (one of them null).</summary>
    internal static CampaignGroupStateNotification Statistics(string guid = Guid, long unixMs = 1_763_726_410_125)
    {
        var notification = Of(null, guid, unixMs: unixMs);
        notification.GswDialMode = 1;
        notification.GswOptimizeBy = 1;
        notification.GswOptimizeGoal = 85;
        notification.GswStatBusyFactor = Value.ForNumber(0.85);
        notification.GswStatHitRatio = Value.ForNull();
        notification.GswStatOverdialRate = Value.ForNumber(0.02);
        notification.GswStatTimeToComplete = Value.ForNumber(600);
        notification.GswCallingLists.Add(new CallingListStatistics { GswCallingList = "List A", GswStatHitRatio = Value.ForNumber(0.3), GswStatTimeToComplete = Value.ForNull() });
        return notification;
    }
}
