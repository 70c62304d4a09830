using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Rpc.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static JourneyGrpc.Rpc.Tests.Client.ClientWire;

namespace JourneyGrpc.Rpc.Tests.Client;

public sealed class MetadataAndCompressionClientTests
{
    private static readonly Method<BytesValue, BytesValue> Echo = TestMethods.Create(MethodType.Unary, "Echo");

    [Fact]
    public async Task AsyncUnaryCall_BinaryMetadata_SentUnpaddedAndEchoedBack()
    {
        // Arrange: 4 bytes base64-encode to "AQIDBA==" padded; the client must send "AQIDBA".
        byte[] value = [1, 2, 3, 4];
        var sent = new TaskCompletionSource<string>();
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(Echo.FullName, async context =>
        {
            var raw = context.Request.Headers["trace-bin"].ToString();
            sent.SetResult(raw);
            await ReadFramesAsync(context.Request);
            context.Response.Headers["echo-bin"] = raw;
            await StartAsync(context.Response);
            await WriteMessageAsync(context.Response, Bytes("ok"));
            context.Response.AppendTrailer("grpc-status", "0");
            context.Response.AppendTrailer("trailer-bin", raw);
            context.Response.AppendTrailer("padded-bin", "AQIDBA==");
            context.Response.AppendTrailer("joined-bin", "AQ,AgM");
        }));
        using var channel = RpcChannel.ForAddress(server.Address);
        var options = new CallOptions(new Metadata { { "trace-bin", value } });

        // Act
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(Echo, null, options, Bytes("x"));
        await call.ResponseAsync.WaitAsync(MaxWait);
        var headers = await call.ResponseHeadersAsync.WaitAsync(MaxWait);
        var trailers = call.GetTrailers();

        // Assert
        Assert.Equal("AQIDBA", await sent.Task.WaitAsync(MaxWait));
        Assert.Equal(value, headers.GetValueBytes("echo-bin"));
        Assert.Equal(value, trailers.GetValueBytes("trailer-bin"));
        Assert.Equal(value, trailers.GetValueBytes("padded-bin"));
        Assert.Equal([new byte[] { 1 }, new byte[] { 2, 3 }], trailers.GetAll("joined-bin").Select(e => e.ValueBytes));
    }

    [Fact]
    public async Task AsyncUnaryCall_GzipResponse_Decompressed()
    {
        // Arrange
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(Echo.FullName, async context =>
        {
            await ReadFramesAsync(context.Request);
            await StartAsync(context.Response, encoding: "gzip");
            await WriteAsync(context.Response, RawGrpc.Frame(Gzip(Bytes("squeezed").ToByteArray()), compressedFlag: true));
            context.Response.AppendTrailer("grpc-status", "0");
        }));
        using var channel = RpcChannel.ForAddress(server.Address);

        // Act
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(Echo, null, default, Bytes("x"));
        var response = await call.ResponseAsync.WaitAsync(MaxWait);

        // Assert
        Assert.Equal("squeezed", response.Value.ToStringUtf8());
    }

    [Fact]
    public async Task AsyncUnaryCall_CompressedFlagWithoutGrpcEncoding_Internal()
    {
        // Arrange
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(Echo.FullName, async context =>
        {
            await StartAsync(context.Response);
            await WriteAsync(context.Response, RawGrpc.Frame(Gzip(Bytes("squeezed").ToByteArray()), compressedFlag: true));
            context.Response.AppendTrailer("grpc-status", "0");
        }));
        using var channel = RpcChannel.ForAddress(server.Address);

        // Act
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(Echo, null, default, Bytes("x"));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(MaxWait));

        // Assert
        Assert.Equal(new Status(StatusCode.Internal, "Message is compressed but no grpc-encoding was sent."), ex.Status);
    }

    [Theory]
    [InlineData(WriteFlags.None, true)]
    [InlineData(WriteFlags.NoCompress, false)]
    public async Task AsyncUnaryCall_GzipRequestCompression_CompressesUnlessNoCompress(WriteFlags flags, bool expectCompressed)
    {
        // Arrange
        var seen = new TaskCompletionSource<(string Encoding, bool Compressed, byte[] Payload)>();
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(Echo.FullName, async context =>
        {
            var frame = Assert.Single(await ReadFramesAsync(context.Request));
            seen.SetResult((context.Request.Headers["grpc-encoding"].ToString(), frame.Compressed, frame.Payload));
            await StartAsync(context.Response);
            await WriteMessageAsync(context.Response, Bytes("ok"));
            context.Response.AppendTrailer("grpc-status", "0");
        }));
        using var channel = RpcChannel.ForAddress(server.Address, new RpcChannelOptions { RequestCompression = "gzip" });
        var request = Bytes(string.Concat(Enumerable.Repeat("compressible ", 100)));

        // Act
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(Echo, null, new CallOptions(writeOptions: new WriteOptions(flags)), request);
        await call.ResponseAsync.WaitAsync(MaxWait);
        var (encoding, compressed, payload) = await seen.Task.WaitAsync(MaxWait);

        // Assert
        Assert.Equal("gzip", encoding);
        Assert.Equal(expectCompressed, compressed);
        Assert.Equal(request, BytesValue.Parser.ParseFrom(compressed ? Gunzip(payload) : payload));
    }

    [Fact]
    public async Task AsyncUnaryCall_ResponseOverMaxReceiveSize_ResourceExhausted()
    {
        // Arrange
        var aborted = new TaskCompletionSource();
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(Echo.FullName, async context =>
        {
            context.RequestAborted.Register(() => aborted.TrySetResult());
            await StartAsync(context.Response);
            await WriteMessageAsync(context.Response, Bytes(100));
            await WaitForAbortAsync(context);
        }));
        using var channel = RpcChannel.ForAddress(server.Address, new RpcChannelOptions { MaxReceiveMessageSize = 16 });

        // Act
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(Echo, null, default, Bytes("x"));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(MaxWait));

        // Assert: the client gave up on the stream, so the server sees the reset.
        Assert.Equal(new Status(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size."), ex.Status);
        await aborted.Task.WaitAsync(MaxWait);
    }

    [Fact]
    public async Task AsyncUnaryCall_RequestOverMaxSendSize_ResourceExhaustedWithoutSending()
    {
        // Arrange
        var calls = 0;
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(Echo.FullName, context =>
        {
            Interlocked.Increment(ref calls);
            TrailersOnly(context.Response, "0");
            return Task.CompletedTask;
        }));
        using var channel = RpcChannel.ForAddress(server.Address, new RpcChannelOptions { MaxSendMessageSize = 8 });

        // Act
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(Echo, null, default, Bytes(100));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(MaxWait));

        // Assert
        Assert.Equal(new Status(StatusCode.ResourceExhausted, "Sending message exceeds the maximum configured message size."), ex.Status);
        Assert.Equal(0, Volatile.Read(ref calls));
    }
}
