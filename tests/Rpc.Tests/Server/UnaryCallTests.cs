using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Rpc.Tests.Infrastructure;

namespace JourneyGrpc.Rpc.Tests.Server;

public sealed class UnaryCallTests
{
    private static readonly Method<BytesValue, BytesValue> Echo = TestMethods.Create(MethodType.Unary, "Echo");
    private static readonly Method<BytesValue, BytesValue> Throw = TestMethods.Create(MethodType.Unary, "Throw");
    private static readonly Method<BytesValue, BytesValue> Fail = TestMethods.Create(MethodType.Unary, "Fail");
    private static readonly Method<BytesValue, BytesValue> AnyStatus = TestMethods.Create(MethodType.Unary, "AnyStatus");

    private static DynamicService Service() => new DynamicService()
        .AddUnary(Echo, (request, _) => Task.FromResult(request))
        .AddUnary<BytesValue, BytesValue>(Throw, (_, _) => throw new InvalidOperationException("secret connection string"))
        .AddUnary<BytesValue, BytesValue>(Fail, (_, _) => throw new RpcException(new Status(StatusCode.NotFound, "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n")))
        .AddUnary<BytesValue, BytesValue>(AnyStatus, (request, _) => throw new RpcException(new Status((StatusCode)int.Parse(request.Value.ToStringUtf8(), System.Globalization.CultureInfo.InvariantCulture), "status")));

    [Fact]
    public async Task Unary_EchoRequest_ReturnsMessageAndOkTrailer()
    {
        // Arrange
        await using var server = await KestrelTestServer.StartAsync(Service());
        using var client = RawGrpc.CreateClient(server.Address);
        var request = new BytesValue { Value = ByteString.CopyFromUtf8("hello") };

        // Act
        using var response = await client.SendAsync(RawGrpc.Request(Echo.FullName, RawGrpc.Frame(request)));
        var body = await response.Content.ReadAsByteArrayAsync();

        // Assert
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/grpc", response.Content.Headers.ContentType!.MediaType);
        var frame = Assert.Single(RawGrpc.ReadFrames(body));
        Assert.False(frame.Compressed);
        Assert.Equal("hello", BytesValue.Parser.ParseFrom(frame.Payload).Value.ToStringUtf8());
        Assert.Equal("0", response.TrailingHeaders.GetValues("grpc-status").Single());
    }

    [Fact]
    public async Task Unary_EmptyMessage_ReturnsZeroLengthFrame()
    {
        await using var server = await KestrelTestServer.StartAsync(Service());
        using var client = RawGrpc.CreateClient(server.Address);

        using var response = await client.SendAsync(RawGrpc.Request(Echo.FullName, [0, 0, 0, 0, 0]));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(new byte[] { 0, 0, 0, 0, 0 }, body);
        Assert.Equal("0", RawGrpc.GrpcStatus(response));
    }

    [Fact]
    public async Task Unary_HandlerThrows_InternalWithoutExceptionMessage()
    {
        await using var server = await KestrelTestServer.StartAsync(Service());
        using var client = RawGrpc.CreateClient(server.Address);

        using var response = await client.SendAsync(RawGrpc.Request(Throw.FullName, RawGrpc.Frame(new BytesValue())));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Empty(body);
        Assert.Equal("13", RawGrpc.GrpcStatus(response));
        Assert.Equal("Exception was thrown by handler.", RawGrpc.GrpcMessage(response));
        Assert.DoesNotContain(response.Headers, h => h.Value.Any(v => v.Contains("secret", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Unary_RpcExceptionWithSpecialCharacters_TrailersOnlyWithPercentEncodedMessage()
    {
        await using var server = await KestrelTestServer.StartAsync(Service());
        using var client = RawGrpc.CreateClient(server.Address);

        using var response = await client.SendAsync(RawGrpc.Request(Fail.FullName, RawGrpc.Frame(new BytesValue())));
        await response.Content.ReadAsByteArrayAsync();

        // Trailers-Only: the status travels in the only HEADERS frame.
        Assert.Equal("5", response.Headers.GetValues("grpc-status").Single());
        Assert.Equal("%09%0Atest with whitespace%0D%0Aand Unicode BMP %E2%98%BA and non-BMP %F0%9F%98%88%09%0A", response.Headers.GetValues("grpc-message").Single());
        Assert.Empty(response.TrailingHeaders);
    }

    [Fact]
    public async Task Unary_MessageOverReceiveLimit_ResourceExhausted()
    {
        await using var server = await KestrelTestServer.StartAsync(Service());
        using var client = RawGrpc.CreateClient(server.Address);
        var request = new BytesValue { Value = ByteString.CopyFrom(new byte[5 * 1024 * 1024]) };

        using var response = await client.SendAsync(RawGrpc.Request(Echo.FullName, RawGrpc.Frame(request)));
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("8", RawGrpc.GrpcStatus(response));
        Assert.Equal("Received message exceeds the maximum configured message size.", RawGrpc.GrpcMessage(response));
    }

    [Fact]
    public async Task Unary_SecondRequestMessage_Internal()
    {
        await using var server = await KestrelTestServer.StartAsync(Service());
        using var client = RawGrpc.CreateClient(server.Address);
        var frame = RawGrpc.Frame(new BytesValue { Value = ByteString.CopyFromUtf8("a") });

        using var response = await client.SendAsync(RawGrpc.Request(Echo.FullName, [.. frame, .. frame]));
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("13", RawGrpc.GrpcStatus(response));
        Assert.Equal("Additional data after the message received.", RawGrpc.GrpcMessage(response));
    }

    [Fact]
    public async Task Unary_TruncatedMessage_IncompleteMessage()
    {
        await using var server = await KestrelTestServer.StartAsync(Service());
        using var client = RawGrpc.CreateClient(server.Address);

        using var response = await client.SendAsync(RawGrpc.Request(Echo.FullName, [0, 0, 0, 0, 10, 1, 2]));
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("13", RawGrpc.GrpcStatus(response));
        Assert.Equal("Incomplete message.", RawGrpc.GrpcMessage(response));
    }

    [Fact]
    public async Task Unary_MalformedProtobuf_Internal()
    {
        await using var server = await KestrelTestServer.StartAsync(Service());
        using var client = RawGrpc.CreateClient(server.Address);

        // Field 1, length-delimited, claims 100 bytes but has 1.
        using var response = await client.SendAsync(RawGrpc.Request(Echo.FullName, RawGrpc.Frame([0x0A, 100, 1])));
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("13", RawGrpc.GrpcStatus(response));
        Assert.Equal("Failed to deserialize message.", RawGrpc.GrpcMessage(response));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("9")]
    [InlineData("16")]
    [InlineData("17")]
    [InlineData("42")]
    public async Task Unary_AnyStatusCode_SentAsItsNumber(string code)
    {
        await using var server = await KestrelTestServer.StartAsync(Service());
        using var client = RawGrpc.CreateClient(server.Address);

        using var response = await client.SendAsync(RawGrpc.Request(AnyStatus.FullName, RawGrpc.Frame(new BytesValue { Value = ByteString.CopyFromUtf8(code) })));
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(code, RawGrpc.GrpcStatus(response));
        Assert.Equal("status", RawGrpc.GrpcMessage(response));
    }
}
