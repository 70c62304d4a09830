using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Reflection.V1;
using JourneyGrpc.Server.Hosting;
using JourneyGrpc.Server.Tests.Campaign.Infrastructure;
using JourneyGrpc.Server.Tests.Hosting.Infrastructure;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.Tests.Hosting;

/// <summary>
/// The <c>Rpc</c> section of the real server (README "Run"): message-size limits, response compression, and
/// bad values refused at start-up naming the key.
/// </summary>
public sealed class RpcOptionsTests
{
    private const string ReceiveTooLarge = "Received message exceeds the maximum configured message size.";

    [Fact]
    public async Task Call_RequestOverDefaultReceiveLimit_ResourceExhausted()
    {
        await using var server = await RunningServer.StartAsync();
        var client = new Health.HealthClient(server.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.CheckAsync(new HealthCheckRequest { Service = new string('x', (4 * 1024 * 1024) + 1) }, Bounded()).ResponseAsync);

        Assert.Equal((StatusCode.ResourceExhausted, ReceiveTooLarge), (error.StatusCode, error.Status.Detail));
    }

    [Fact]
    public async Task Call_RequestOverConfiguredReceiveLimit_ResourceExhausted()
    {
        await using var server = await RunningServer.StartAsync("--Rpc:MaxReceiveMessageSize=1024");
        var client = new Health.HealthClient(server.Channel);

        var under = await Assert.ThrowsAsync<RpcException>(() => client.CheckAsync(new HealthCheckRequest { Service = new string('x', 1000) }, Bounded()).ResponseAsync);
        var over = await Assert.ThrowsAsync<RpcException>(() => client.CheckAsync(new HealthCheckRequest { Service = new string('x', 1030) }, Bounded()).ResponseAsync);

        // Under the limit the call reaches the health service, which does not know that name.
        Assert.Equal(StatusCode.NotFound, under.StatusCode);
        Assert.Equal((StatusCode.ResourceExhausted, ReceiveTooLarge), (over.StatusCode, over.Status.Detail));
    }

    [Fact]
    public async Task Call_GzipRequestDecompressingOverLimit_ResourceExhausted()
    {
        await using var server = await RunningServer.StartAsync();
        var client = new Health.HealthClient(server.Channel);

        // 5 MiB of one letter is a few KiB compressed: the limit applies to the decompressed message too.
        var headers = new Metadata { { "grpc-internal-encoding-request", "gzip" } };
        var error = await Assert.ThrowsAsync<RpcException>(() => client.CheckAsync(new HealthCheckRequest { Service = new string('x', 5 * 1024 * 1024) }, Bounded().WithHeaders(headers)).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Call_ResponseOverConfiguredSendLimit_ResourceExhausted()
    {
        await using var server = await RunningServer.StartAsync("--Rpc:MaxSendMessageSize=16");
        var client = new ServerReflection.ServerReflectionClient(server.Channel);
        using var call = client.ServerReflectionInfo(Bounded());

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty }).Bounded();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None).Bounded());

        Assert.Equal((StatusCode.ResourceExhausted, "Sending message exceeds the maximum configured message size."), (error.StatusCode, error.Status.Detail));
    }

    [Theory]
    [InlineData("Rpc:MaxReceiveMessageSize", "0")]
    [InlineData("Rpc:MaxReceiveMessageSize", "-1")]
    [InlineData("Rpc:MaxSendMessageSize", "0")]
    [InlineData("Rpc:MaxSendMessageSize", "-4096")]
    [InlineData("Rpc:ResponseCompressionAlgorithm", "br")]
    [InlineData("Rpc:ResponseCompressionAlgorithm", "deflate")]
    public async Task Start_InvalidValue_OptionsValidationExceptionNamingKey(string key, string value)
    {
        using var directory = new TempDirectory();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = ServerHost.Build(RunningServer.Arguments(directory, $"--{key}={value}"));
            await app.StartAsync().WaitAsync(RunningServer.Timeout);
        });

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_GzipConfiguredAndAccepted_ResponseCompressed()
    {
        await using var server = await RunningServer.StartAsync("--Rpc:ResponseCompressionAlgorithm=gzip");

        var (encoding, frame) = await CheckOverHttpAsync(server.Address, acceptEncoding: "identity,gzip");

        Assert.Equal("gzip", encoding);
        Assert.Equal(1, frame.Flag);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, HealthCheckResponse.Parser.ParseFrom(Gunzip(frame.Payload)).Status);
    }

    [Fact]
    public async Task Call_GzipConfiguredThroughGrpcNetClient_ResponseDecompressed()
    {
        await using var server = await RunningServer.StartAsync("--Rpc:ResponseCompressionAlgorithm=gzip");
        using var recorder = new ResponseHeaderRecorder();
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { HttpHandler = recorder });
        var client = new Health.HealthClient(channel);

        var response = await client.CheckAsync(new HealthCheckRequest(), Bounded()).ResponseAsync.Bounded();

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
        Assert.Equal("gzip", Assert.Single(recorder.Responses).GetValues("grpc-encoding").Single());
    }

    [Theory]
    [InlineData("gzip", "identity")]
    [InlineData("", "identity,gzip")]
    [InlineData(null, "identity,gzip")]
    public async Task Call_GzipNotConfiguredOrNotAccepted_ResponseUncompressed(string? algorithm, string acceptEncoding)
    {
        // An empty value turns compression off as an absent one does.
        await using var server = await RunningServer.StartAsync(algorithm is null ? [] : [$"--Rpc:ResponseCompressionAlgorithm={algorithm}"]);

        var (encoding, frame) = await CheckOverHttpAsync(server.Address, acceptEncoding);

        Assert.Null(encoding);
        Assert.Equal(0, frame.Flag);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, HealthCheckResponse.Parser.ParseFrom(frame.Payload).Status);
    }

    private static CallOptions Bounded() => new(deadline: DateTime.UtcNow.Add(TestTimeouts.Default));

    /// <summary>A health Check over plain HTTP/2, to see the wire: the response's grpc-encoding and its one message frame.</summary>
    private static async Task<(string? Encoding, (byte Flag, byte[] Payload) Frame)> CheckOverHttpAsync(Uri address, string acceptEncoding)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TestTimeouts.Default };
        var request = new HttpRequestMessage(HttpMethod.Post, "/grpc.health.v1.Health/Check")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent([0, 0, 0, 0, 0]),
        };
        request.Content.Headers.ContentType = new("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.TryAddWithoutValidation("grpc-accept-encoding", acceptEncoding);

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("0", response.TrailingHeaders.GetValues("grpc-status").Single());
        var length = BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(1, 4));
        Assert.Equal(5 + length, body.Length);
        var encoding = response.Headers.TryGetValues("grpc-encoding", out var values) ? values.Single() : null;
        return (encoding, (body[0], body[5..]));
    }

    private static byte[] Gunzip(byte[] data)
    {
        using var input = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
