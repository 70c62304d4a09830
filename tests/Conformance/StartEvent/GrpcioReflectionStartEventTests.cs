namespace JourneyGrpc.Conformance.Tests.StartEvent;

/// <summary>
/// Debian's grpcio drives the Context Services flow (start → associate → states → tasks → end)
/// knowing nothing but what server reflection tells it
/// (tests/Conformance/clients/python/startevent_reflection_client.py).
/// </summary>
[Collection(StartEventConformanceCollection.Name)]
public sealed class GrpcioReflectionStartEventTests(StartEventClientRuns runs)
{
    [Theory]
    [InlineData("reflection_list_services")]
    [InlineData("reflection_resolve_start_event_service")]
    [InlineData("start_anonymous_service")]
    [InlineData("query_anonymous_services")]
    [InlineData("associate_service")]
    [InlineData("start_transition_list_states")]
    [InlineData("start_query_end_tasks")]
    [InlineData("end_state_and_service_idempotent")]
    [InlineData("end_service_different_failed_precondition")]
    [InlineData("start_task_on_ended_service_failed_precondition")]
    [InlineData("invalid_argument_field_violations")]
    [InlineData("unknown_service_not_found")]
    [InlineData("other_tenant_sees_nothing")]
    [InlineData("delete_service")]
    public async Task StartEventFlow_GrpcioByReflection_Passes(string step)
    {
        var result = await runs.GetAsync("grpcio");
        Assert.True(result.LineFor(step) == "PASS " + step, result.ToString());
    }
}
