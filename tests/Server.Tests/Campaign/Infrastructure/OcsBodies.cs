using Google.Protobuf;
using JourneyGrpc.Campaign.V1;

namespace JourneyGrpc.Server.Tests.Campaign.Infrastructure;

/// <summary>OCS bodies as OCS would POST them: every key of the seed table, statistics, nulls and unknown keys.</summary>
internal static class OcsBodies
{
    /// <summary>A load: every key of the seed's field table, no statistics.</summary>
    internal const string SeedFieldsLoad = """
        {"GSW_USER_EVENT":"CampaignGroupState","GSW_DATE_TIME":"1763726400.125","GSW_TENANT_NAME":"Environment","GSW_TENANT_CCID":"Unknown",
         "GSW_CAMPAIGN_GROUP_NAME":"Retention Q4@Outbound","GSW_CAMPAIGN_GROUP_GUID":"5f0c9a4e-2b7d-4c1e-9a53-0d6f7e8a9b10","GSW_CAMPAIGN_GROUP_DBID":"1042",
         "GSW_GROUP_NAME":"Outbound","GSW_CAMPAIGN_NAME":"Retention Q4","GSW_CAMPAIGN_TEMPLATE_NAME":"","GSW_QUEUE_NAME":"7000",
         "GSW_CAMPAIGN_GROUP_STATE":3,"GSW_CAMPAIGN_GROUP_ACTION":7,"GSW_CAMPAIGN_GROUP_ACTOR":1}
        """;

    /// <summary>A start with dial mode and optimization.</summary>
    internal const string StartPredictive = """
        {"GSW_USER_EVENT":"CampaignGroupState","GSW_DATE_TIME":"1763726401.500","GSW_TENANT_NAME":"Environment","GSW_TENANT_CCID":"Unknown",
         "GSW_CAMPAIGN_GROUP_NAME":"Retention Q4@Outbound","GSW_CAMPAIGN_GROUP_GUID":"5f0c9a4e-2b7d-4c1e-9a53-0d6f7e8a9b10","GSW_CAMPAIGN_GROUP_DBID":"1042",
         "GSW_GROUP_NAME":"Outbound","GSW_CAMPAIGN_NAME":"Retention Q4","GSW_QUEUE_NAME":"7000",
         "GSW_DIAL_MODE":1,"GSW_OPTIMIZE_BY":1,"GSW_OPTIMIZE_GOAL":85,
         "GSW_CAMPAIGN_GROUP_STATE":5,"GSW_CAMPAIGN_GROUP_ACTION":9,"GSW_CAMPAIGN_GROUP_ACTOR":2}
        """;

    /// <summary>Periodic statistics at group and calling-list level.</summary>
    internal const string Statistics = """
        {"GSW_USER_EVENT":"CampaignGroupState","GSW_DATE_TIME":"1763726411.500","GSW_TENANT_NAME":"Environment","GSW_TENANT_CCID":"Unknown",
         "GSW_CAMPAIGN_GROUP_NAME":"Retention Q4@Outbound","GSW_CAMPAIGN_GROUP_GUID":"5f0c9a4e-2b7d-4c1e-9a53-0d6f7e8a9b10","GSW_CAMPAIGN_GROUP_DBID":"1042",
         "GSW_GROUP_NAME":"Outbound","GSW_CAMPAIGN_NAME":"Retention Q4","GSW_QUEUE_NAME":"7000","GSW_DIAL_MODE":1,
         "GSW_CAMPAIGN_GROUP_STATE":5,"GSW_CAMPAIGN_GROUP_ACTOR":2,
         "GSW_STAT_BUSY_FACTOR":0.85,"GSW_STAT_HIT_RATIO":0.3,"GSW_STAT_OVERDIAL_RATE":0.02,"GSW_STAT_TIME_TO_COMPLETE":600,
         "GSW_CALLING_LISTS":[{"GSW_CALLING_LIST":"List A","GSW_STAT_HIT_RATIO":0.25,"GSW_STAT_TIME_TO_COMPLETE":420},
                              {"GSW_CALLING_LIST":"List B","GSW_STAT_HIT_RATIO":0.5,"GSW_STAT_TIME_TO_COMPLETE":1800.5}]}
        """;

    /// <summary>Periodic statistics OCS could not compute yet: nulls at both levels.</summary>
    internal const string StatisticsNulls = """
        {"GSW_USER_EVENT":"CampaignGroupState","GSW_DATE_TIME":"1763726421.500","GSW_TENANT_NAME":"Environment","GSW_TENANT_CCID":"Unknown",
         "GSW_CAMPAIGN_GROUP_NAME":"Retention Q4@Outbound","GSW_CAMPAIGN_GROUP_GUID":"5f0c9a4e-2b7d-4c1e-9a53-0d6f7e8a9b10","GSW_CAMPAIGN_GROUP_DBID":"1042",
         "GSW_GROUP_NAME":"Outbound","GSW_CAMPAIGN_NAME":"Retention Q4","GSW_QUEUE_NAME":"7000",
         "GSW_CAMPAIGN_GROUP_STATE":5,"GSW_CAMPAIGN_GROUP_ACTOR":2,
         "GSW_STAT_BUSY_FACTOR":null,"GSW_STAT_HIT_RATIO":null,"GSW_STAT_OVERDIAL_RATE":null,"GSW_STAT_TIME_TO_COMPLETE":null,
         "GSW_CALLING_LISTS":[{"GSW_CALLING_LIST":"List A","GSW_STAT_HIT_RATIO":null,"GSW_STAT_TIME_TO_COMPLETE":null}]}
        """;

    /// <summary>A dial-mode change with keys this contract does not name, at the top and in a calling list.</summary>
    internal const string DialModeChangeUnknownKeys = """
        {"GSW_USER_EVENT":"CampaignGroupState","GSW_DATE_TIME":"1763726431.500","GSW_TENANT_NAME":"Environment","GSW_TENANT_CCID":"Unknown",
         "GSW_CAMPAIGN_GROUP_NAME":"Retention Q4@Outbound","GSW_CAMPAIGN_GROUP_GUID":"5f0c9a4e-2b7d-4c1e-9a53-0d6f7e8a9b10","GSW_CAMPAIGN_GROUP_DBID":"1042",
         "GSW_GROUP_NAME":"Outbound","GSW_CAMPAIGN_NAME":"Retention Q4","GSW_QUEUE_NAME":"7000","GSW_DIAL_MODE":6,
         "GSW_CAMPAIGN_GROUP_STATE":5,"GSW_CAMPAIGN_GROUP_ACTION":11,"GSW_CAMPAIGN_GROUP_ACTOR":1,
         "GSW_AUTO_COMPLETION":1,"GSW_CUSTOM_ZONE":"Europe/Paris","GSW_EXTRA":{"nested":[1,"two",null,true]},"GSW_NULL_EXTRA":null,
         "GSW_CALLING_LISTS":[{"GSW_CALLING_LIST":"List A","GSW_CALLING_LIST_DBID":"77","GSW_STAT_HIT_RATIO":0.25}]}
        """;

    /// <summary>A stop, then an unload.</summary>
    internal const string Stop = """
        {"GSW_USER_EVENT":"CampaignGroupState","GSW_DATE_TIME":"1763726441.500","GSW_TENANT_NAME":"Environment","GSW_TENANT_CCID":"Unknown",
         "GSW_CAMPAIGN_GROUP_NAME":"Retention Q4@Outbound","GSW_CAMPAIGN_GROUP_GUID":"5f0c9a4e-2b7d-4c1e-9a53-0d6f7e8a9b10","GSW_CAMPAIGN_GROUP_DBID":"1042",
         "GSW_GROUP_NAME":"Outbound","GSW_CAMPAIGN_NAME":"Retention Q4","GSW_QUEUE_NAME":"7000",
         "GSW_CAMPAIGN_GROUP_STATE":3,"GSW_CAMPAIGN_GROUP_ACTION":10,"GSW_CAMPAIGN_GROUP_ACTOR":1}
        """;

    /// <summary>The unload that ends the lifecycle.</summary>
    internal const string Unload = """
        {"GSW_USER_EVENT":"CampaignGroupState","GSW_DATE_TIME":"1763726451.500","GSW_TENANT_NAME":"Environment","GSW_TENANT_CCID":"Unknown",
         "GSW_CAMPAIGN_GROUP_NAME":"Retention Q4@Outbound","GSW_CAMPAIGN_GROUP_GUID":"5f0c9a4e-2b7d-4c1e-9a53-0d6f7e8a9b10","GSW_CAMPAIGN_GROUP_DBID":"1042",
         "GSW_GROUP_NAME":"Outbound","GSW_CAMPAIGN_NAME":"Retention Q4","GSW_QUEUE_NAME":"7000",
         "GSW_CAMPAIGN_GROUP_STATE":0,"GSW_CAMPAIGN_GROUP_ACTION":8,"GSW_CAMPAIGN_GROUP_ACTOR":1}
        """;

    private static readonly JsonParser KnownKeysParser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    /// <summary>The body's named fields as a notification (keys no field names are left out).</summary>
    internal static CampaignGroupStateNotification Parse(string body) => KnownKeysParser.Parse<CampaignGroupStateNotification>(body);

    /// <summary>Each body with a name, in lifecycle order: load, start, statistics, null statistics, dial mode, stop, unload.</summary>
    internal static TheoryData<string, string> All { get; } = new()
    {
        { "seed-fields-load", SeedFieldsLoad },
        { "start-predictive", StartPredictive },
        { "statistics", Statistics },
        { "statistics-nulls", StatisticsNulls },
        { "dial-mode-unknown-keys", DialModeChangeUnknownKeys },
        { "stop", Stop },
        { "unload", Unload },
    };
}
