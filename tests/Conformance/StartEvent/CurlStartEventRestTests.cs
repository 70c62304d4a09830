namespace JourneyGrpc.Conformance.Tests.StartEvent;

/// <summary>
/// curl calls every Context Services operation at /genesys/1/cs through the REST gateway, in-process
/// and standalone
/// (tests/Conformance/clients/curl/startevent_rest.sh): documented status, documented body, and the
/// Context Services error object for every documented error case.
/// </summary>
[Collection(StartEventConformanceCollection.Name)]
public sealed class CurlStartEventRestTests(StartEventClientRuns runs)
{
    public static TheoryData<string> Checks { get; } =
    [
        "start_service",
        "get_service",
        "start_anonymous_service",
        "query_anonymous_services",
        "query_anonymous_services_active",
        "query_anonymous_services_completed",
        "associate_service",
        "query_customer_services",
        "associated_service_not_anonymous",
        "update_service_extension",
        "start_state",
        "transition_state",
        "get_state",
        "list_states",
        "update_state_extension",
        "start_task",
        "start_second_task",
        "get_task",
        "query_tasks_by_state",
        "query_tasks_by_type",
        "end_task",
        "query_tasks_active",
        "query_tasks_completed",
        "end_state",
        "get_service_with_states_and_tasks",
        "end_service",
        "end_service_again_idempotent",
        "end_service_different_failed_precondition",
        "start_task_on_ended_service",
        "query_customer_services_completed",
        "start_service_without_key_bad_request",
        "start_service_bad_timestamp",
        "get_service_bad_id",
        "get_service_not_found",
        "get_task_not_found",
        "delete_service",
        "deleted_service_not_found",
        "journey_engagement_created",
        "journey_customer_service_started",
        "journey_interaction_service_started",
        "list_journey_services",
        "list_journey_services_unknown_not_found",
    ];

    [Theory]
    [MemberData(nameof(Checks))]
    public async Task StartEventRestCheck_CurlInProcessGateway_Passes(string check)
    {
        var result = await runs.GetAsync("curl");
        Assert.True(result.LineFor(check) == "PASS " + check, result.ToString());
    }

    [Theory]
    [MemberData(nameof(Checks))]
    public async Task StartEventRestCheck_CurlStandaloneGateway_Passes(string check)
    {
        var result = await runs.GetAsync("curl-standalone");
        Assert.True(result.LineFor(check) == "PASS " + check, result.ToString());
    }
}
