using JourneyGrpc.Gateway.Tests.Infrastructure;

namespace JourneyGrpc.Gateway.Tests.Functional;

/// <summary>
/// A reconnecting EventSource sends the last <c>id:</c> it received as <c>Last-Event-ID</c>; the gateway
/// puts it in the request field marked <c>last_event_id</c> unless the URL already set that field.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class ServerSentEventsResumeTests(GatewayFixture fixture)
{
    private static readonly Dictionary<string, string> EventStream = new() { ["Accept"] = "text/event-stream" };

    [Theory]
    [InlineData(HostingMode.InProcess)]
    [InlineData(HostingMode.Forwarding)]
    public async Task LastEventId_NoAfterInUrl_ResumesAfterIt(HostingMode mode)
    {
        var response = await fixture.Client(mode).SendAsync("GET", "/v1/count-from?count=2", headers: new Dictionary<string, string>(EventStream) { ["Last-Event-ID"] = "41" });

        Assert.Equal((200, "id: 42\ndata: {\"n\":\"42\"}\n\nid: 43\ndata: {\"n\":\"43\"}\n\n"), (response.Status, response.Body));
    }

    [Fact]
    public async Task LastEventId_AfterInUrl_UrlWins()
    {
        var response = await fixture.Client(HostingMode.InProcess).SendAsync("GET", "/v1/count-from?count=1&after=7", headers: new Dictionary<string, string>(EventStream) { ["Last-Event-ID"] = "41" });

        Assert.Equal((200, "id: 8\ndata: {\"n\":\"8\"}\n\n"), (response.Status, response.Body));
    }

    [Fact]
    public async Task LastEventId_NotANumber_BadRequestNamingTheHeader()
    {
        var response = await fixture.Client(HostingMode.InProcess).SendAsync("GET", "/v1/count-from?count=1", headers: new Dictionary<string, string>(EventStream) { ["Last-Event-ID"] = "x1" });

        Assert.Equal(400, response.Status);
        Assert.Contains("\"field\":\"Last-Event-ID\"", response.Body, StringComparison.Ordinal);
    }
}
