using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using JourneyGrpc.Campaign.V1;
using JourneyGrpc.Server.Campaign.Mapping;

namespace JourneyGrpc.Server.Campaign.Validation;

/// <summary>
/// Checks what the service needs of an OCS body: the event name, a readable time, the tenant and group
/// keys the store can hold, and statistics that are non-negative numbers or null. Every other key is
/// taken as sent: OCS never retries, so a notification is refused only when it cannot be recorded.
/// </summary>
internal static class NotificationValidator
{
    // Store limits (IJourneyStore): tenant names 200 characters, record ids 256, index keys 1024.
    private const int MaxTenantLength = 200;
    private const int MaxGuidLength = 256;
    private const int MaxKeyLength = 1024;

    /// <summary>Every violation, each naming its GSW key (a calling list's as <c>GSW_CALLING_LISTS[i].KEY</c>).</summary>
    internal static List<BadRequest.Types.FieldViolation> Validate(CampaignGroupStateNotification? notification)
    {
        var violations = new List<BadRequest.Types.FieldViolation>();
        if (notification is null)
        {
            violations.Add(Violation("notification", "is required"));
            return violations;
        }

        if (!notification.HasGswUserEvent || notification.GswUserEvent.Length == 0)
        {
            violations.Add(Violation(OcsKeys.UserEvent, "is required"));
        }
        else if (notification.GswUserEvent != OcsKeys.CampaignGroupStateEvent)
        {
            violations.Add(Violation(OcsKeys.UserEvent, $"must be {OcsKeys.CampaignGroupStateEvent}, not '{notification.GswUserEvent}'"));
        }

        if (!notification.HasGswDateTime || notification.GswDateTime.Length == 0)
        {
            violations.Add(Violation(OcsKeys.DateTime, "is required"));
        }
        else if (!OcsDateTime.TryParse(notification.GswDateTime, out _))
        {
            violations.Add(Violation(OcsKeys.DateTime, $"must be UTC seconds since 1970 with milliseconds (e.g. 1763726400.125) or an RFC 3339 time, not '{notification.GswDateTime}'"));
        }

        RequireName(violations, OcsKeys.TenantName, notification.HasGswTenantName, notification.GswTenantName, MaxTenantLength);
        RequireName(violations, OcsKeys.CampaignGroupGuid, notification.HasGswCampaignGroupGuid, notification.GswCampaignGroupGuid, MaxGuidLength);
        LimitLength(violations, OcsKeys.CampaignGroupName, notification.GswCampaignGroupName);
        LimitLength(violations, OcsKeys.CampaignGroupDbid, notification.GswCampaignGroupDbid);

        CheckStatistic(violations, OcsKeys.StatBusyFactor, notification.GswStatBusyFactor);
        CheckStatistic(violations, OcsKeys.StatHitRatio, notification.GswStatHitRatio);
        CheckStatistic(violations, OcsKeys.StatOverdialRate, notification.GswStatOverdialRate);
        CheckStatistic(violations, OcsKeys.StatTimeToComplete, notification.GswStatTimeToComplete);
        for (var i = 0; i < notification.GswCallingLists.Count; i++)
        {
            var list = notification.GswCallingLists[i];
            CheckStatistic(violations, $"{OcsKeys.CallingLists}[{i}].{OcsKeys.StatHitRatio}", list.GswStatHitRatio);
            CheckStatistic(violations, $"{OcsKeys.CallingLists}[{i}].{OcsKeys.StatTimeToComplete}", list.GswStatTimeToComplete);
        }

        return violations;
    }

    private static void RequireName(List<BadRequest.Types.FieldViolation> violations, string key, bool present, string value, int maxLength)
    {
        if (!present || value.Length == 0)
        {
            violations.Add(Violation(key, "is required"));
        }
        else if (value.Length > maxLength || value.Any(char.IsControl))
        {
            violations.Add(Violation(key, $"must be at most {maxLength} characters with no control characters"));
        }
    }

    private static void LimitLength(List<BadRequest.Types.FieldViolation> violations, string key, string value)
    {
        if (value.Length > MaxKeyLength)
        {
            violations.Add(Violation(key, $"must be at most {MaxKeyLength} characters"));
        }
    }

    // "Non-negative numeric or null" (OCS statistics table); absent is fine too.
    private static void CheckStatistic(List<BadRequest.Types.FieldViolation> violations, string key, Value? value)
    {
        if (value is null || value.KindCase == Value.KindOneofCase.NullValue)
        {
            return;
        }

        if (value.KindCase != Value.KindOneofCase.NumberValue || !double.IsFinite(value.NumberValue) || value.NumberValue < 0)
        {
            violations.Add(Violation(key, "must be a non-negative number or null"));
        }
    }

    private static BadRequest.Types.FieldViolation Violation(string field, string description) => new() { Field = field, Description = description };
}
