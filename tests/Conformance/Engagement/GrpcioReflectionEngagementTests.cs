namespace JourneyGrpc.Conformance.Tests.Engagement;

/// <summary>
/// Debian's grpcio drives the engagement flow knowing nothing but what server reflection tells it
/// (tests/Conformance/clients/python/engagement_reflection_client.py).
/// </summary>
[Collection(EngagementConformanceCollection.Name)]
public sealed class GrpcioReflectionEngagementTests(EngagementClientRuns runs)
{
    [Theory]
    [InlineData("reflection_list_services")]
    [InlineData("reflection_resolve_engagement_service")]
    [InlineData("engage")]
    [InlineData("strict_mode_refuses_second_attempt")]
    [InlineData("offered_accepted_then_terminal")]
    [InlineData("web_messaging_engaged")]
    [InlineData("errored_keeps_error_fields")]
    [InlineData("noengage_cancels")]
    [InlineData("ping_lists_waiting")]
    [InlineData("invalid_argument_field_violations")]
    [InlineData("performance_counts")]
    [InlineData("watch_resumes")]
    public async Task EngagementFlow_GrpcioByReflection_Passes(string step)
    {
        var result = await runs.GetAsync("grpcio");
        Assert.True(result.LineFor(step) == "PASS " + step, result.ToString());
    }
}
