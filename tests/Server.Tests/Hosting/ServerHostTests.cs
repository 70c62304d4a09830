using JourneyGrpc.Server.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.Tests.Hosting;

public sealed class ServerHostTests
{
    [Fact]
    public void Build_NonLoopbackUrl_RefusesWithReason()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => ServerHost.Build(["--Server:GrpcUrl=http://0.0.0.0:0"]));

        Assert.Equal("Server:GrpcUrl 'http://0.0.0.0:0' is not a loopback address; binding elsewhere requires authentication (Auth:Jwt or Auth:ApiKeys), which is not configured.", exception.Message);
    }

    [Fact]
    public async Task Start_LoopbackPortZero_ServesHealth()
    {
        using var directory = new TempDirectory();
        await using var app = ServerHost.Build(["--Server:GrpcUrl=http://127.0.0.1:0", "--Server:RestUrl=", "--Logging:LogLevel:Default=Warning", $"--Store:SqlitePath={directory.File("store.db")}"]);
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(20));
        var address = new Uri(app.Urls.Single());
        using var client = new HttpClient { BaseAddress = address };
        var request = new HttpRequestMessage(HttpMethod.Post, "/grpc.health.v1.Health/Check")
        {
            Version = System.Net.HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent([0, 0, 0, 0, 0]),
        };
        request.Content.Headers.ContentType = new("application/grpc");

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        // HealthCheckResponse{status: SERVING} is field 1 varint 1.
        Assert.Equal(new byte[] { 0, 0, 0, 0, 2, 0x08, 0x01 }, body);
        Assert.Equal("0", response.TrailingHeaders.GetValues("grpc-status").Single());
        await app.StopAsync();
    }

    [Fact]
    public async Task Build_KestrelLimitsInConfiguration_AppliedToKestrel()
    {
        using var directory = new TempDirectory();
        await using var app = ServerHost.Build(["--Server:GrpcUrl=http://127.0.0.1:0", "--Server:RestUrl=", $"--Store:SqlitePath={directory.File("store.db")}", "--Kestrel:Limits:Http2:MaxStreamsPerConnection=1000", "--Kestrel:Limits:MaxConcurrentConnections=64"]);

        var limits = app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;

        Assert.Equal((1000, 64L), (limits.Http2.MaxStreamsPerConnection, limits.MaxConcurrentConnections));
    }

    [Fact]
    public async Task Help_ListsOptionsAndConfiguration()
    {
        var output = new StringWriter();
        var command = ServerCommand.Create(_ => Task.CompletedTask);

        var exitCode = await command.Parse(["--help"]).InvokeAsync(new() { Output = output });

        Assert.Equal(0, exitCode);
        Assert.Contains("--grpc-url", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Server:GrpcUrl", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("--Rpc:MaxReceiveMessageSize", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("--Kestrel:Limits:Http2:MaxStreamsPerConnection", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_GrpcUrlOption_BecomesConfiguration()
    {
        string[]? seen = null;
        var command = ServerCommand.Create(args =>
        {
            seen = args;
            return Task.CompletedTask;
        });

        await command.Parse(["--grpc-url", "http://127.0.0.1:6000", "--Rpc:EnableDetailedErrors=true"]).InvokeAsync();

        Assert.Equal(["--Rpc:EnableDetailedErrors=true", "--Server:GrpcUrl=http://127.0.0.1:6000"], seen!);
    }
}
