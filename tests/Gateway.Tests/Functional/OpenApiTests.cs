using System.Text.Json;
using JourneyGrpc.Gateway.Tests.Infrastructure;

namespace JourneyGrpc.Gateway.Tests.Functional;

/// <summary>GET /openapi.json: an OpenAPI 3 document of the same routes, identical in both modes.</summary>
[Collection(GatewayCollection.Name)]
public sealed class OpenApiTests(GatewayFixture fixture)
{
    [Theory]
    [InlineData("/v1/accounts/{account_id}/bind", "get", "200", "TranscodingTestService_Bind")]
    [InlineData("/v1/accounts/{account_id}/bind", "post", "200", "TranscodingTestService_Bind_1")]
    [InlineData("/v1/shelves/{path}:bind", "get", "200", "TranscodingTestService_Bind_3")]
    [InlineData("/v1/anonymous/{_wildcard0}/x/{_wildcard1}", "get", "200", "TranscodingTestService_Bind_5")]
    [InlineData("/api/journey/v1/accounts/{account_id}/journeys:search", "post", "200", "LegacyJourneyTestService_SearchJourneys")]
    [InlineData("/api/journey/v1/accounts/{account_id}/engagements/{engagement_id}:appendIdentifiers", "post", "202", "LegacyJourneyTestService_AppendIdentifiers")]
    [InlineData("/api/journey/v1/accounts/{account_id}/engagements/{engagement_id}/agent-note", "post", "201", "LegacyJourneyTestService_CreateAgentNote")]
    [InlineData("/api/journey/v1/accounts/{account_id}/engagements/{engagement_id}/agent-note/{agent_note_id}", "delete", "204", "LegacyJourneyTestService_DeleteAgentNote")]
    [InlineData("/v1/count/{count}", "get", "200", "TranscodingTestService_Count")]
    public async Task OpenApi_Route_Operation(string path, string method, string success, string operationId)
    {
        foreach (var mode in Enum.GetValues<HostingMode>())
        {
            using var document = JsonDocument.Parse((await fixture.Client(mode).SendAsync("GET", "/openapi.json")).Body);
            var operation = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method);

            Assert.Equal("3.0.3", document.RootElement.GetProperty("openapi").GetString());
            Assert.Equal(operationId, operation.GetProperty("operationId").GetString());
            Assert.True(operation.GetProperty("responses").TryGetProperty(success, out _), $"{mode}: no {success} response");
        }
    }

    [Fact]
    public async Task OpenApi_Document_DetailsFromDescriptorsAndOptions()
    {
        var inProcess = (await fixture.Client(HostingMode.InProcess).SendAsync("GET", "/openapi.json")).Body;
        var forwarding = (await fixture.Client(HostingMode.Forwarding).SendAsync("GET", "/openapi.json")).Body;
        using var document = JsonDocument.Parse(inProcess);
        var root = document.RootElement;
        var paths = root.GetProperty("paths");
        var schemas = root.GetProperty("components").GetProperty("schemas");

        Assert.Equal(inProcess, forwarding);

        // No content for 202 empty_body; problem+json errors on the Avaya paths; the form field.
        var append = paths.GetProperty("/api/journey/v1/accounts/{account_id}/engagements/{engagement_id}:appendIdentifiers").GetProperty("post");
        Assert.False(append.GetProperty("responses").GetProperty("202").TryGetProperty("content", out _));
        Assert.True(append.GetProperty("responses").GetProperty("default").GetProperty("content").TryGetProperty("application/problem+json", out _));
        var engage = paths.GetProperty("/server/data/gateway/engage").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.True(engage.TryGetProperty("application/x-www-form-urlencoded", out _));
        var endService = paths.GetProperty("/genesys/1/cs/services/{service_id}/end").GetProperty("post").GetProperty("responses").GetProperty("default").GetProperty("content");
        Assert.EndsWith("journeygrpc.api.v1.HttpErrorObject", endService.GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString(), StringComparison.Ordinal);
        Assert.True(schemas.GetProperty("journeygrpc.api.v1.HttpErrorObject").GetProperty("properties").TryGetProperty("http_method", out _));
        Assert.True(schemas.GetProperty("journeygrpc.api.v1.Problem").GetProperty("properties").TryGetProperty("violations", out _));

        // Streams are NDJSON or SSE; response_body is an array; query parameters from the remaining fields.
        Assert.True(paths.GetProperty("/v1/count/{count}").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/event-stream", out _));
        Assert.Equal("array", paths.GetProperty("/v1/things").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("type").GetString());
        var bindQuery = paths.GetProperty("/v1/accounts/{account_id}/bind").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("thing.inner.value", bindQuery);
        Assert.Contains("LEGACY_NAME", bindQuery);
        Assert.DoesNotContain("accountId", bindQuery);
        var countFrom = paths.GetProperty("/v1/count-from").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => (p.GetProperty("name").GetString(), p.GetProperty("in").GetString())).ToList();
        Assert.Equal([("count", "query"), ("after", "query"), ("Last-Event-ID", "header")], countFrom);

        // Schemas: json_name, int64 as string unless int64_as_number, enums by name.
        var bindRequest = schemas.GetProperty("journeygrpc.gatewaytest.v1.BindRequest").GetProperty("properties");
        Assert.Equal("string", bindRequest.GetProperty("big").GetProperty("type").GetString());
        Assert.Equal("integer", bindRequest.GetProperty("bigNumber").GetProperty("type").GetString());
        Assert.Equal("date-time", bindRequest.GetProperty("at").GetProperty("format").GetString());
        Assert.Equal("integer", schemas.GetProperty("journeygrpc.gatewaytest.v1.GetContextServiceResponse").GetProperty("properties").GetProperty("serviceId").GetProperty("type").GetString());
        Assert.Equal("COLOR_RED", schemas.GetProperty("journeygrpc.gatewaytest.v1.Color").GetProperty("enum")[1].GetString());

        // A capture_unknown_keys field is not a property: the object takes any other key.
        var inner = schemas.GetProperty("journeygrpc.gatewaytest.v1.Inner");
        Assert.True(inner.GetProperty("additionalProperties").GetBoolean());
        Assert.False(inner.GetProperty("properties").TryGetProperty("other", out _));
    }
}
