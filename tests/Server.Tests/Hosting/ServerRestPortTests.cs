using System.Net;
using JourneyGrpc.Server.Hosting;

namespace JourneyGrpc.Server.Tests.Hosting;

/// <summary>The in-process REST gateway's port: HTTP/1.1, only gateway endpoints; the gRPC port never serves them.</summary>
public sealed class ServerRestPortTests
{
    [Fact]
    public async Task Start_TwoPorts_EachServesOnlyItsEndpoints()
    {
        using var directory = new TempDirectory();
        await using var app = ServerHost.Build(["--Server:GrpcUrl=http://127.0.0.1:0", "--Server:RestUrl=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", $"--Store:SqlitePath={directory.File("store.db")}"]);
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(20));
        var grpc = new Uri(app.Urls.ElementAt(0));
        var rest = new Uri(app.Urls.ElementAt(1));
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };

        using var openApi = await client.GetAsync(new Uri(rest, "/openapi.json"));
        using var grpcOverRest = await client.PostAsync(new Uri(rest, "/grpc.health.v1.Health/Check"), new ByteArrayContent([0, 0, 0, 0, 0]) { Headers = { ContentType = new("application/grpc") } });
        using var openApiOverGrpc = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(grpc, "/openapi.json")) { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact });

        Assert.Equal(
            (HttpStatusCode.OK, "3.0.3", HttpStatusCode.NotFound, HttpStatusCode.NotFound),
            (openApi.StatusCode, System.Text.Json.JsonDocument.Parse(await openApi.Content.ReadAsStringAsync()).RootElement.GetProperty("openapi").GetString(), grpcOverRest.StatusCode, openApiOverGrpc.StatusCode));
        await app.StopAsync();
    }

    [Fact]
    public void Build_RestUrlOnGrpcPort_RefusesWithReason()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => ServerHost.Build(["--Server:GrpcUrl=http://127.0.0.1:6001", "--Server:RestUrl=http://127.0.0.1:6001"]));

        Assert.Equal("Server:RestUrl 'http://127.0.0.1:6001' uses the gRPC port; REST (HTTP/1.1) and cleartext gRPC (HTTP/2 only) need separate ports.", exception.Message);
    }

    [Fact]
    public void Build_NonLoopbackRestUrl_RefusesWithReason()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => ServerHost.Build(["--Server:GrpcUrl=http://127.0.0.1:0", "--Server:RestUrl=http://0.0.0.0:8080"]));

        Assert.Equal("Server:RestUrl 'http://0.0.0.0:8080' is not a loopback address; binding elsewhere requires authentication (Auth:Jwt or Auth:ApiKeys), which is not configured.", exception.Message);
    }

    [Fact]
    public async Task Run_RestUrlOption_BecomesConfiguration()
    {
        string[]? seen = null;
        var command = ServerCommand.Create(args =>
        {
            seen = args;
            return Task.CompletedTask;
        });

        await command.Parse(["--rest-url", "http://127.0.0.1:8081"]).InvokeAsync();

        Assert.Equal(["--Server:RestUrl=http://127.0.0.1:8081"], seen!);
    }
}
