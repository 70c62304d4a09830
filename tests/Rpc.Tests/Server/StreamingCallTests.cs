using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Rpc.Tests.Infrastructure;

namespace JourneyGrpc.Rpc.Tests.Server;

public sealed class StreamingCallTests
{
    private static readonly Method<BytesValue, BytesValue> Repeat = TestMethods.Create(MethodType.ServerStreaming, "Repeat");
    private static readonly Method<BytesValue, BytesValue> Sum = TestMethods.Create(MethodType.ClientStreaming, "Sum");
    private static readonly Method<BytesValue, BytesValue> Echo = TestMethods.Create(MethodType.DuplexStreaming, "Echo");

    private static DynamicService Service() => new DynamicService()
        .AddServerStreaming(Repeat, async (request, stream, _) =>
        {
            for (var i = 0; i < request.Value.Length; i++)
            {
                await stream.WriteAsync(new BytesValue { Value = ByteString.CopyFrom(new byte[request.Value[i]]) });
            }
        })
        .AddClientStreaming(Sum, async (requests, context) =>
        {
            var total = 0;
            await foreach (var request in requests.ReadAllAsync(context.CancellationToken))
            {
                total += request.Value.Length;
            }

            return new BytesValue { Value = ByteString.CopyFrom(BitConverter.GetBytes(total)) };
        })
        .AddDuplex(Echo, async (requests, responses, context) =>
        {
            await foreach (var request in requests.ReadAllAsync(context.CancellationToken))
            {
                await responses.WriteAsync(request);
            }
        });

    [Fact]
    public async Task ServerStreaming_SizesRequested_OneMessagePerSizeInOrder()
    {
        await using var server = await KestrelTestServer.StartAsync(Service());
        using var client = RawGrpc.CreateClient(server.Address);
        var request = new BytesValue { Value = ByteString.CopyFrom(1, 0, 200, 7) };

        using var response = await client.SendAsync(RawGrpc.Request(Repeat.FullName, RawGrpc.Frame(request)));
        var frames = RawGrpc.ReadFrames(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal([1, 0, 200, 7], frames.Select(f => BytesValue.Parser.ParseFrom(f.Payload).Value.Length));
        Assert.Equal("0", RawGrpc.GrpcStatus(response));
    }

    [Fact]
    public async Task ClientStreaming_MessagesSplitAcrossWrites_SumsPayloads()
    {
        await using var server = await KestrelTestServer.StartAsync(Service());
        using var client = RawGrpc.CreateClient(server.Address);
        var body = new[] { 27_182, 8, 1_828, 45_904 }
            .SelectMany(size => RawGrpc.Frame(new BytesValue { Value = ByteString.CopyFrom(new byte[size]) }))
            .ToArray();

        using var response = await client.SendAsync(RawGrpc.Request(Sum.FullName, body));
        var frame = RawGrpc.ReadFrames(await response.Content.ReadAsByteArrayAsync()).Single();

        Assert.Equal(74_922, BitConverter.ToInt32(BytesValue.Parser.ParseFrom(frame.Payload).Value.Span));
        Assert.Equal("0", RawGrpc.GrpcStatus(response));
    }

    [Fact]
    public async Task ClientStreaming_NoMessages_SumsToZero()
    {
        await using var server = await KestrelTestServer.StartAsync(Service());
        using var client = RawGrpc.CreateClient(server.Address);

        using var response = await client.SendAsync(RawGrpc.Request(Sum.FullName, []));
        var frame = RawGrpc.ReadFrames(await response.Content.ReadAsByteArrayAsync()).Single();

        Assert.Equal(0, BitConverter.ToInt32(BytesValue.Parser.ParseFrom(frame.Payload).Value.Span));
    }

    [Fact]
    public async Task Duplex_ManyMessages_EchoedInOrder()
    {
        await using var server = await KestrelTestServer.StartAsync(Service());
        using var client = RawGrpc.CreateClient(server.Address);
        var body = Enumerable.Range(0, 100)
            .SelectMany(i => RawGrpc.Frame(new BytesValue { Value = ByteString.CopyFromUtf8(i.ToString(System.Globalization.CultureInfo.InvariantCulture)) }))
            .ToArray();

        using var response = await client.SendAsync(RawGrpc.Request(Echo.FullName, body));
        var frames = RawGrpc.ReadFrames(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(Enumerable.Range(0, 100).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), frames.Select(f => BytesValue.Parser.ParseFrom(f.Payload).Value.ToStringUtf8()));
        Assert.Equal("0", RawGrpc.GrpcStatus(response));
    }

    [Fact]
    public async Task ServerStreaming_BufferHintOnlyThenReturn_EveryMessageBeforeTheStatus()
    {
        // 40 × 1 KB crosses the 16 KiB point at which buffered messages go to the body unflushed.
        var service = new DynamicService().AddServerStreaming(Repeat, async (request, stream, _) =>
        {
            stream.WriteOptions = new WriteOptions(WriteFlags.BufferHint);
            for (var i = 0; i < 40; i++)
            {
                await stream.WriteAsync(new BytesValue { Value = ByteString.CopyFrom(Enumerable.Repeat((byte)i, 1000).ToArray()) });
            }
        });
        await using var server = await KestrelTestServer.StartAsync(service);
        using var client = RawGrpc.CreateClient(server.Address);

        using var response = await client.SendAsync(RawGrpc.Request(Repeat.FullName, RawGrpc.Frame(new BytesValue())));
        var frames = RawGrpc.ReadFrames(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(Enumerable.Range(0, 40).Select(i => (byte)i), frames.Select(f => BytesValue.Parser.ParseFrom(f.Payload).Value[0]));
        Assert.All(frames, f => Assert.Equal(1000, BytesValue.Parser.ParseFrom(f.Payload).Value.Length));
        Assert.Equal("0", RawGrpc.GrpcStatus(response));
    }

    [Fact]
    public async Task ServerStreaming_BufferedThenHandlerFails_MessagesThenItsStatus()
    {
        var service = new DynamicService().AddServerStreaming(Repeat, async (request, stream, _) =>
        {
            stream.WriteOptions = new WriteOptions(WriteFlags.BufferHint);
            await stream.WriteAsync(new BytesValue { Value = ByteString.CopyFromUtf8("a") });
            await stream.WriteAsync(new BytesValue { Value = ByteString.CopyFromUtf8("b") });
            throw new RpcException(new Status(StatusCode.NotFound, "gone"));
        });
        await using var server = await KestrelTestServer.StartAsync(service);
        using var client = RawGrpc.CreateClient(server.Address);

        using var response = await client.SendAsync(RawGrpc.Request(Repeat.FullName, RawGrpc.Frame(new BytesValue())));
        var frames = RawGrpc.ReadFrames(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(["a", "b"], frames.Select(f => BytesValue.Parser.ParseFrom(f.Payload).Value.ToStringUtf8()));
        Assert.Equal(("5", "gone"), (RawGrpc.GrpcStatus(response), RawGrpc.GrpcMessage(response)));
    }

    [Fact]
    public async Task ServerStreaming_BufferedThenFlushedWrite_AllSentWhileTheCallGoesOn()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var service = new DynamicService().AddServerStreaming(Repeat, async (request, stream, _) =>
        {
            stream.WriteOptions = new WriteOptions(WriteFlags.BufferHint);
            await stream.WriteAsync(new BytesValue { Value = ByteString.CopyFromUtf8("1") });
            await stream.WriteAsync(new BytesValue { Value = ByteString.CopyFromUtf8("2") });
            stream.WriteOptions = null;
            await stream.WriteAsync(new BytesValue { Value = ByteString.CopyFromUtf8("3") });
            await release.Task;
        });
        await using var server = await KestrelTestServer.StartAsync(service);
        using var client = RawGrpc.CreateClient(server.Address);

        using var response = await client.SendAsync(RawGrpc.Request(Repeat.FullName, RawGrpc.Frame(new BytesValue())), HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var received = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var prefix = new byte[5];
            await body.ReadExactlyAsync(prefix).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            var payload = new byte[System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(prefix.AsSpan(1))];
            await body.ReadExactlyAsync(payload).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            received.Add(BytesValue.Parser.ParseFrom(payload).Value.ToStringUtf8());
        }

        release.SetResult();

        Assert.Equal(["1", "2", "3"], received);
    }
}
