namespace JourneyGrpc.Conformance.Tests.Campaign;

/// <summary>
/// curl posts OCS bodies to the REST gateway (POST /ocs/campaigngroup-states) and watches them back as
/// NDJSON and as server-sent events; each body must come back field for field, keys no field names
/// included (top level and in a calling list).
/// </summary>
[Collection(CampaignConformanceCollection.Name)]
public sealed class CurlCampaignRestTests(CampaignClientRuns runs)
{
    public static TheoryData<string> Checks { get; } =
    [
        "post_seed_fields_load",
        "post_start_predictive",
        "post_calling_list_statistics",
        "post_statistics_nulls",
        "post_unknown_key",
        "watch_ndjson",
        "watch_server_sent_events",
        "watch_resume_last_event_id",
    ];

    [Theory]
    [MemberData(nameof(Checks))]
    public async Task CampaignRestCheck_Curl_Passes(string check)
    {
        var result = await runs.GetAsync("curl");
        Assert.True(result.LineFor(check) == "PASS " + check, result.ToString());
    }
}
