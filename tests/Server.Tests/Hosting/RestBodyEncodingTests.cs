using System.Net.Http.Headers;
using JourneyGrpc.Server.Tests.Hosting.Infrastructure;

namespace JourneyGrpc.Server.Tests.Hosting;

/// <summary>
/// Issue 18's reproduction on the real server composition (real Kestrel, in-process gateway): a JSON
/// body with invalid UTF-8 is a 400 problem+json naming the field, not a 500 with an empty body.
/// </summary>
public sealed class RestBodyEncodingTests
{
    private const string Problem = """{"type":"https://developers.avayacloud.com/avaya-experience-platform/docs/error-handling#constraint-violation","title":"Constraint Violation","status":400,"detail":"id: not valid UTF-8; request bodies must be UTF-8 text.","violations":[{"field":"id","message":"not valid UTF-8; request bodies must be UTF-8 text."}]}""";

    [Fact]
    public async Task CreateEngagement_InvalidUtf8Body_Is400ProblemNamingTheField()
    {
        await using var server = await RunningServer.StartAsync("--Server:RestUrl=http://127.0.0.1:0");
        using var client = new HttpClient { BaseAddress = server.RestAddress, Timeout = RunningServer.Timeout };

        // printf '{"id":"\xff\xfe\x80","startDate":"2026-01-01T00:00:00Z"}' | curl -H 'content-type: application/json' --data-binary @- …
        using var content = new ByteArrayContent([.. "{\"id\":\""u8, 0xFF, 0xFE, 0x80, .. "\",\"startDate\":\"2026-01-01T00:00:00Z\"}"u8]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync("/api/journey/v1/accounts/ABCDEF/engagements", content);

        Assert.Equal(
            (400, "application/problem+json; charset=utf-8", Problem),
            ((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync()));
    }
}
