namespace JourneyGrpc.Conformance.Tests.Engagement;

/// <summary>
/// curl drives every REST URL of the engagement service (tests/Conformance/clients/curl/engagement_rest.sh):
/// GWE engage / noengage by form field and JSON body, actionevent, ping, web action, performance, watch.
/// </summary>
[Collection(EngagementConformanceCollection.Name)]
public sealed class CurlEngagementRestTests(EngagementClientRuns runs)
{
    public static TheoryData<string> Checks { get; } =
    [
        "engage_form_field",
        "engage_in_progress_400",
        "engage_json_body",
        "engage_malformed_json_400",
        "engage_missing_parameter_400",
        "engage_invalid_visit_400",
        "noengage_json_body",
        "noengage_unknown_attempt_400",
        "ping_waiting_actions",
        "actionevent_offered_204",
        "actionevent_accepted_204",
        "actionevent_terminal_409",
        "actionevent_invalid_state_400",
        "actionevent_error_fields_400",
        "actionevent_unknown_action_404",
        "web_action_get",
        "noengage_form_field",
        "performance_counts",
        "performance_missing_range_400",
        "watch_ndjson",
    ];

    [Theory]
    [MemberData(nameof(Checks))]
    public async Task EngagementRestCheck_Curl_Passes(string check)
    {
        var result = await runs.GetAsync("curl");
        Assert.True(result.LineFor(check) == "PASS " + check, result.ToString());
    }
}
