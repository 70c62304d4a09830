namespace JourneyGrpc.Conformance.Tests.Journey;

/// <summary>
/// Debian's grpcio drives the journey flow knowing nothing but what server reflection tells it
/// (tests/Conformance/clients/python/journey_reflection_client.py).
/// </summary>
[Collection(JourneyConformanceCollection.Name)]
public sealed class GrpcioReflectionJourneyTests(JourneyClientRuns runs)
{
    [Theory]
    [InlineData("reflection_list_services")]
    [InlineData("reflection_resolve_journey_service")]
    [InlineData("create_identifier_type")]
    [InlineData("create_identifier_type_duplicate_invalid_argument")]
    [InlineData("list_and_get_identifier_types")]
    [InlineData("update_identifier_type")]
    [InlineData("create_engagement_idempotent")]
    [InlineData("get_engagement")]
    [InlineData("get_engagements")]
    [InlineData("get_engagement_not_found")]
    [InlineData("invalid_argument_field_violations")]
    [InlineData("update_engagement_and_append_identifiers")]
    [InlineData("participants_add_hold_remove")]
    [InlineData("remove_unknown_participant_not_found")]
    [InlineData("create_journey_and_search")]
    [InlineData("search_filters_and_paging")]
    [InlineData("search_unknown_not_found")]
    [InlineData("list_agents")]
    [InlineData("unlink_identifier")]
    [InlineData("agent_notes_crud_and_failed_precondition")]
    [InlineData("delete_identifier_types_keeps_journeys")]
    [InlineData("other_account_sees_nothing")]
    public async Task JourneyFlow_GrpcioByReflection_Passes(string step)
    {
        var result = await runs.GetAsync("grpcio");
        Assert.True(result.LineFor(step) == "PASS " + step, result.ToString());
    }
}
