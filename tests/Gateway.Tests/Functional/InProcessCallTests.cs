using System.Text.Json;
using JourneyGrpc.Gateway.Tests.Infrastructure;

namespace JourneyGrpc.Gateway.Tests.Functional;

/// <summary>
/// A REST call in-process is the gRPC call it stands for: the same interceptors around the same
/// handler, the REST request as its HttpContext, and the same answer as the standalone gateway gets
/// over gRPC from Grpc.AspNetCore.
/// </summary>
public sealed class InProcessCallTests(ProbeHostFixture fixture) : IClassFixture<ProbeHostFixture>
{
    private const string Method = "/journeygrpc.gatewaytest.inprocess.v1.InProcessTestService/";

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private ProbeHost Host => fixture.Host;

    [Fact]
    public async Task Probe_InterceptorsOfGrpcServiceOptions_RunAsForTheCallOverGrpc()
    {
        var inProcessKey = CallProbe.NewKey();
        var forwardedKey = CallProbe.NewKey();

        var inProcess = await Host.Rest.SendAsync("GET", "/v1/probe?text=a", headers: Keyed(inProcessKey));
        var forwarded = await Host.Forwarding.SendAsync("GET", "/v1/probe?text=a", headers: Keyed(forwardedKey));

        // Global interceptors in registration order (the first outermost), then the service's own.
        string[] expected = [$"global-1> {Method}Probe", $"global-2> {Method}Probe", $"service> {Method}Probe", $"handler {Method}Probe", "<service", "<global-2", "<global-1"];
        Assert.Equal((200, 200), (inProcess.Status, forwarded.Status));
        Assert.Equal(expected, Host.Probe.For(inProcessKey).Events);
        Assert.Equal(expected, Host.Probe.For(forwardedKey).Events);
    }

    [Fact]
    public async Task Probe_GetHttpContext_IsTheRestRequestAndItsServices()
    {
        var key = CallProbe.NewKey();
        var other = CallProbe.NewKey();

        var response = await Host.Rest.SendAsync("GET", "/v1/probe?text=x", headers: new Dictionary<string, string>(Keyed(key)) { ["x-probe"] = "p1" });
        await Host.Rest.SendAsync("GET", "/v1/probe", headers: Keyed(other));

        Assert.Equal(
            (200, $$"""{"text":"echo: x","method":"{{Method}}Probe","metadata":{"x-request-id":"{{key}}"},"httpMethod":"GET","httpPath":"/v1/probe","httpProbeHeader":"p1"}"""),
            (response.Status, response.Body));

        // Three interceptors, the service and HttpContext.RequestServices: one scope, the request's own.
        var scopes = Host.Probe.For(key).ScopeIds.ToArray();
        Assert.Equal(5, scopes.Length);
        Assert.Single(scopes.Distinct());
        Assert.DoesNotContain(scopes[0], Host.Probe.For(other).ScopeIds);
    }

    [Fact]
    public async Task Probe_RequestHeaders_ConfiguredOnesBecomeMetadata()
    {
        var key = CallProbe.NewKey();
        var headers = new Dictionary<string, string>
        {
            ["Authorization"] = "Bearer t0k3n",
            ["appkey"] = "k1",
            ["X-Request-Id"] = key,
            ["Cookie"] = "not=forwarded",
            ["x-probe"] = "not forwarded",
        };

        var response = await Host.Rest.SendAsync("GET", "/v1/probe", headers: headers);

        using var body = JsonDocument.Parse(response.Body);
        var metadata = body.RootElement.GetProperty("metadata").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal(
            new Dictionary<string, string?> { ["authorization"] = "Bearer t0k3n", ["appkey"] = "k1", ["x-request-id"] = key },
            metadata);
    }

    [Fact]
    public async Task Probe_HandlerThrows_UnknownWithoutTheExceptionTextAsOverGrpc()
    {
        var key = CallProbe.NewKey();
        const string Body = """{"action":"PROBE_ACTION_THROW","text":"leak"}""";

        var forwardedKey = CallProbe.NewKey();
        var inProcess = await Host.Rest.SendAsync("POST", "/v1/probe", Body, headers: Keyed(key));
        var forwarded = await Host.Forwarding.SendAsync("POST", "/v1/probe", Body, headers: Keyed(forwardedKey));

        // The gateway's 500 for a failure on the server: the request's x-request-id as its correlation id.
        Assert.Equal((500, "application/json; charset=utf-8", FaultBody(key)), (inProcess.Status, inProcess.ContentType, inProcess.Body));
        Assert.Equal((500, FaultBody(forwardedKey)), (forwarded.Status, forwarded.Body));

        // The exception went out through every interceptor, as over gRPC.
        Assert.Equal("<global-1", Host.Probe.For(key).Events.Last());
    }

    [Fact]
    public async Task Probe_RestClientGoesAway_HandlerCancelledAndEndsBeforeTheRequestDoes()
    {
        var key = CallProbe.NewKey();
        var record = Host.Probe.For(key);
        record.Hold = true;
        using var cancellation = new CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/probe?action=PROBE_ACTION_WAIT");
        request.Headers.Add(CallProbe.KeyHeader, key);

        var sending = Host.Rest.SendAsync(request, cancellation.Token);
        await record.Started.Task.WaitAsync(Bound);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        await record.Cancelled.Task.WaitAsync(Bound);

        // The REST endpoint has returned while the handler, cancelled, still runs: the request's
        // services (and its HttpContext) must stay until the handler and its interceptors are done.
        await record.PipelineReturned.Task.WaitAsync(Bound);
        record.Release.SetResult();
        var eventsWhenScopeDisposed = await record.ScopeDisposed.Task.WaitAsync(Bound);

        Assert.Equal("<global-1", eventsWhenScopeDisposed[^1]);
    }

    [Fact]
    public async Task Count_RestCall_StreamEndsAfterTheLastMessageAsOverGrpc()
    {
        var key = CallProbe.NewKey();

        var inProcess = await Host.Rest.SendAsync("GET", "/v1/probe/count?count=3", headers: Keyed(key));
        var forwarded = await Host.Forwarding.SendAsync("GET", "/v1/probe/count?count=3", headers: Keyed(CallProbe.NewKey()));

        Assert.Equal((200, "application/x-ndjson; charset=utf-8", "{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n"), (inProcess.Status, inProcess.ContentType, inProcess.Body));
        Assert.Equal(forwarded.Body, inProcess.Body);
        Assert.Equal(
            [$"global-1> {Method}Count", $"global-2> {Method}Count", $"service> {Method}Count", $"handler {Method}Count", "<service", "<global-2", "<global-1"],
            Host.Probe.For(key).Events);
    }

    [Fact]
    public async Task Count_RestClientGoesAwayMidStream_HandlerCancelledAndEndsBeforeTheRequestDoes()
    {
        var key = CallProbe.NewKey();
        var record = Host.Probe.For(key);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/probe/count?count=1&hold=true");
        request.Headers.Add(CallProbe.KeyHeader, key);

        using (var response = await Host.Rest.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(Bound))
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            Assert.Equal("{\"n\":1}", await reader.ReadLineAsync().WaitAsync(Bound));
        }

        await record.Cancelled.Task.WaitAsync(Bound);
        var eventsWhenScopeDisposed = await record.ScopeDisposed.Task.WaitAsync(Bound);

        Assert.Equal("<global-1", eventsWhenScopeDisposed[^1]);
    }

    [Fact]
    public async Task Missing_NotOverridden_UnimplementedAsOverGrpc()
    {
        var inProcess = await Host.Rest.SendAsync("GET", "/v1/probe/missing");
        var forwarded = await Host.Forwarding.SendAsync("GET", "/v1/probe/missing");

        Assert.Equal((501, """{"code":12}"""), (inProcess.Status, inProcess.Body));
        Assert.Equal((forwarded.Status, forwarded.Body), (inProcess.Status, inProcess.Body));
    }

    private static Dictionary<string, string> Keyed(string key) => new() { [CallProbe.KeyHeader] = key };

    private static string FaultBody(string correlationId) =>
        $$"""{"code":2,"message":"The server failed to handle this request; correlation id {{correlationId}}.","details":[{"@type":"type.googleapis.com/google.rpc.RequestInfo","requestId":"{{correlationId}}"}]}""";
}
