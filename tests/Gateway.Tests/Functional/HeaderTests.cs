using JourneyGrpc.Gateway.Tests.Infrastructure;

namespace JourneyGrpc.Gateway.Tests.Functional;

/// <summary>Authorization, appkey and x-request-id travel to metadata; response metadata comes back as headers.</summary>
[Collection(GatewayCollection.Name)]
public sealed class HeaderTests(GatewayFixture fixture)
{
    [Theory]
    [InlineData(HostingMode.InProcess)]
    [InlineData(HostingMode.Forwarding)]
    public async Task Headers_ForwardedHeaders_ReachCallAndResponseMetadataReturns(HostingMode mode)
    {
        var headers = new Dictionary<string, string>
        {
            ["Authorization"] = "Bearer t0k3n",
            ["appkey"] = "k1",
            ["X-Request-Id"] = "r-42",
            ["Cookie"] = "not=forwarded",
        };

        var response = await fixture.Client(mode).SendAsync("GET", "/v1/headers", headers: headers);

        Assert.Equal(
            (200, """{"metadata":{"authorization":"Bearer t0k3n","appkey":"k1","x-request-id":"r-42"}}""", "from-headers", "from-trailers"),
            (response.Status, response.Body, response.Header("x-test-header"), response.Header("x-test-trailer")));
    }

    [Theory]
    [InlineData(HostingMode.InProcess)]
    [InlineData(HostingMode.Forwarding)]
    public async Task Fail_ResponseMetadata_ReturnsAsHeadersOfError(HostingMode mode)
    {
        var response = await fixture.Client(mode).SendAsync("POST", "/v1/fail", """{"code":7,"message":"no","headers":{"x-h":"1"},"trailers":{"x-t":"2"}}""");

        Assert.Equal((403, "1", "2", null), (response.Status, response.Header("x-h"), response.Header("x-t"), response.Header("grpc-status")));
    }

    [Theory]
    [InlineData(HostingMode.InProcess)]
    [InlineData(HostingMode.Forwarding)]
    public async Task Fail_Unauthenticated_SetsWwwAuthenticate(HostingMode mode)
    {
        var response = await fixture.Client(mode).SendAsync("POST", "/v1/fail", """{"code":16,"message":"who?"}""");

        Assert.Equal((401, "Bearer", """{"code":16,"message":"who?"}"""), (response.Status, response.Header("WWW-Authenticate"), response.Body));
    }
}
