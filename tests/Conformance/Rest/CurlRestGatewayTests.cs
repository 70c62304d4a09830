namespace JourneyGrpc.Conformance.Tests.Rest;

/// <summary>curl, a client nobody here wrote, against every REST route kind the gateway serves.</summary>
public sealed class CurlRestGatewayTests(RestGatewayRuns runs) : IClassFixture<RestGatewayRuns>
{
    [Theory]
    [InlineData("custom_verb")]
    [InlineData("accepted_empty_body")]
    [InlineData("created")]
    [InlineData("no_content")]
    [InlineData("problem_json_error")]
    [InlineData("error_status_override")]
    [InlineData("status_json_error")]
    [InlineData("form_field")]
    [InlineData("invalid_utf8_problem_json")]
    [InlineData("invalid_utf8_form_field")]
    [InlineData("utf8_bom_accepted")]
    [InlineData("non_utf8_charset")]
    [InlineData("ndjson_stream")]
    [InlineData("sse_stream")]
    [InlineData("stream_error_object")]
    [InlineData("sse_stream_error")]
    [InlineData("unknown_path")]
    [InlineData("wrong_method")]
    [InlineData("headers_forwarded")]
    [InlineData("int64_as_number")]
    [InlineData("openapi_document")]
    public async Task RestCheck_Curl_Passes(string check)
    {
        var result = await runs.GetAsync();
        Assert.True(result.LineFor(check) == "PASS " + check, result.ToString());
    }

    [Fact]
    public async Task RestCheck_Curl_SummaryLineAndExitCode()
    {
        var result = await runs.GetAsync();
        Assert.True(result.ExitCode == 0 && result.StandardOutput.Contains("21 passed, 0 failed", StringComparison.Ordinal), result.ToString());
    }
}
