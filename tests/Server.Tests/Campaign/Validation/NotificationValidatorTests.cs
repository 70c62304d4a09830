using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Campaign.V1;
using JourneyGrpc.Server.Campaign.Validation;
using JourneyGrpc.Server.Tests.Campaign.Infrastructure;

namespace JourneyGrpc.Server.Tests.Campaign.Validation;

public sealed class NotificationValidatorTests
{
    public static TheoryData<string, string, string> Invalid { get; } = new()
    {
        { "no-user-event", "GSW_USER_EVENT", "is required" },
        { "other-user-event", "GSW_USER_EVENT", "must be CampaignGroupState, not 'CampaignGroupStat'" },
        { "no-date-time", "GSW_DATE_TIME", "is required" },
        { "bad-date-time", "GSW_DATE_TIME", "must be UTC seconds since 1970 with milliseconds (e.g. 1763726400.125) or an RFC 3339 time, not '21/11/2025'" },
        { "no-tenant", "GSW_TENANT_NAME", "is required" },
        { "long-tenant", "GSW_TENANT_NAME", "must be at most 200 characters with no control characters" },
        { "control-tenant", "GSW_TENANT_NAME", "must be at most 200 characters with no control characters" },
        { "no-guid", "GSW_CAMPAIGN_GROUP_GUID", "is required" },
        { "long-guid", "GSW_CAMPAIGN_GROUP_GUID", "must be at most 256 characters with no control characters" },
        { "long-name", "GSW_CAMPAIGN_GROUP_NAME", "must be at most 1024 characters" },
        { "negative-busy-factor", "GSW_STAT_BUSY_FACTOR", "must be a non-negative number or null" },
        { "string-hit-ratio", "GSW_STAT_HIT_RATIO", "must be a non-negative number or null" },
        { "bool-overdial-rate", "GSW_STAT_OVERDIAL_RATE", "must be a non-negative number or null" },
        { "nan-time-to-complete", "GSW_STAT_TIME_TO_COMPLETE", "must be a non-negative number or null" },
        { "list-negative-hit-ratio", "GSW_CALLING_LISTS[1].GSW_STAT_HIT_RATIO", "must be a non-negative number or null" },
        { "list-struct-time-to-complete", "GSW_CALLING_LISTS[0].GSW_STAT_TIME_TO_COMPLETE", "must be a non-negative number or null" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_InvalidKey_OneViolationNamingIt(string variant, string field, string description)
    {
        var violation = Assert.Single(NotificationValidator.Validate(Make(variant)));

        Assert.Equal(field, violation.Field);
        Assert.Equal(description, violation.Description);
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Validate_OcsBody_Valid(string name, string body)
    {
        Assert.True(NotificationValidator.Validate(OcsBodies.Parse(body)).Count == 0, name);
    }

    [Fact]
    public void Validate_Missing_NotificationRequired()
    {
        var violation = Assert.Single(NotificationValidator.Validate(null));

        Assert.Equal(("notification", "is required"), (violation.Field, violation.Description));
    }

    [Fact]
    public void Validate_Empty_EveryRequiredKey()
    {
        var fields = NotificationValidator.Validate(new CampaignGroupStateNotification()).Select(v => v.Field);

        Assert.Equal(["GSW_USER_EVENT", "GSW_DATE_TIME", "GSW_TENANT_NAME", "GSW_CAMPAIGN_GROUP_GUID"], fields);
    }

    public static TheoryData<string, string> Bodies => OcsBodies.All;

    private static CampaignGroupStateNotification Make(string variant)
    {
        var n = Notifications.Statistics();
        n.GswCallingLists.Add(new CallingListStatistics { GswCallingList = "List B", GswStatHitRatio = Value.ForNumber(0.5) });
        switch (variant)
        {
            case "no-user-event": n.ClearGswUserEvent(); break;
            case "other-user-event": n.GswUserEvent = "CampaignGroupStat"; break;
            case "no-date-time": n.GswDateTime = string.Empty; break;
            case "bad-date-time": n.GswDateTime = "21/11/2025"; break;
            case "no-tenant": n.ClearGswTenantName(); break;
            case "long-tenant": n.GswTenantName = new string('t', 201); break;
            case "control-tenant": n.GswTenantName = "Env\nironment"; break;
            case "no-guid": n.GswCampaignGroupGuid = string.Empty; break;
            case "long-guid": n.GswCampaignGroupGuid = new string('g', 257); break;
            case "long-name": n.GswCampaignGroupName = new string('n', 1025); break;
            case "negative-busy-factor": n.GswStatBusyFactor = Value.ForNumber(-0.1); break;
            case "string-hit-ratio": n.GswStatHitRatio = Value.ForString("0.3"); break;
            case "bool-overdial-rate": n.GswStatOverdialRate = Value.ForBool(true); break;
            case "nan-time-to-complete": n.GswStatTimeToComplete = Value.ForNumber(double.NaN); break;
            case "list-negative-hit-ratio": n.GswCallingLists[1].GswStatHitRatio = Value.ForNumber(-1); break;
            case "list-struct-time-to-complete": n.GswCallingLists[0].GswStatTimeToComplete = Value.ForStruct(new Struct()); break;
            default: throw new ArgumentOutOfRangeException(nameof(variant), variant, null);
        }

        return n;
    }
}
