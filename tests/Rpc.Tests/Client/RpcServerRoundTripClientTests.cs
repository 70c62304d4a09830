using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Rpc.Tests.Infrastructure;
using static JourneyGrpc.Rpc.Tests.Client.ClientWire;

namespace JourneyGrpc.Rpc.Tests.Client;

/// <summary>The client against our own server: the four call kinds end to end.</summary>
public sealed class RpcServerRoundTripClientTests
{
    private static readonly Method<BytesValue, BytesValue> Echo = TestMethods.Create(MethodType.Unary, "Echo");
    private static readonly Method<BytesValue, BytesValue> Fail = TestMethods.Create(MethodType.Unary, "Fail");
    private static readonly Method<BytesValue, BytesValue> Repeat = TestMethods.Create(MethodType.ServerStreaming, "Repeat");
    private static readonly Method<BytesValue, BytesValue> Join = TestMethods.Create(MethodType.ClientStreaming, "Join");
    private static readonly Method<BytesValue, BytesValue> Ping = TestMethods.Create(MethodType.DuplexStreaming, "Ping");

    private static DynamicService Service() => new DynamicService()
        .AddUnary(Echo, (request, _) => Task.FromResult(request))
        .AddUnary<BytesValue, BytesValue>(Fail, (_, _) => throw new RpcException(new Status(StatusCode.NotFound, "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n")))
        .AddServerStreaming<BytesValue, BytesValue>(Repeat, async (request, stream, _) =>
        {
            for (var i = 0; i < 3; i++)
            {
                await stream.WriteAsync(request);
            }
        })
        .AddClientStreaming<BytesValue, BytesValue>(Join, async (requests, _) =>
        {
            var joined = new List<string>();
            while (await requests.MoveNext(CancellationToken.None))
            {
                joined.Add(requests.Current.Value.ToStringUtf8());
            }

            return Bytes(string.Join("+", joined));
        })
        .AddDuplex<BytesValue, BytesValue>(Ping, async (requests, responses, _) =>
        {
            while (await requests.MoveNext(CancellationToken.None))
            {
                await responses.WriteAsync(Bytes("pong:" + requests.Current.Value.ToStringUtf8()));
            }
        });

    [Fact]
    public async Task AllCallKinds_AgainstRpcServer_RoundTrip()
    {
        // Arrange
        await using var server = await KestrelTestServer.StartAsync(Service());
        using var channel = RpcChannel.ForAddress(server.Address, new RpcChannelOptions { RequestCompression = "gzip" });
        var invoker = channel.CreateCallInvoker();

        // Act
        using var unary = invoker.AsyncUnaryCall(Echo, null, default, Bytes(10_000));
        var echoed = await unary.ResponseAsync.WaitAsync(MaxWait);

        using var failing = invoker.AsyncUnaryCall(Fail, null, default, Bytes("x"));
        var failure = await Assert.ThrowsAsync<RpcException>(() => failing.ResponseAsync.WaitAsync(MaxWait));

        using var repeat = invoker.AsyncServerStreamingCall(Repeat, null, default, Bytes("r"));
        var repeated = new List<string>();
        while (await repeat.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(MaxWait))
        {
            repeated.Add(repeat.ResponseStream.Current.Value.ToStringUtf8());
        }

        using var join = invoker.AsyncClientStreamingCall(Join, null, default);
        await join.RequestStream.WriteAsync(Bytes("a")).WaitAsync(MaxWait);
        await join.RequestStream.WriteAsync(Bytes("b")).WaitAsync(MaxWait);
        await join.RequestStream.CompleteAsync().WaitAsync(MaxWait);
        var joined = await join.ResponseAsync.WaitAsync(MaxWait);

        using var ping = invoker.AsyncDuplexStreamingCall(Ping, null, default);
        await ping.RequestStream.WriteAsync(Bytes("1")).WaitAsync(MaxWait);
        Assert.True(await ping.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(MaxWait));
        var pong = ping.ResponseStream.Current.Value.ToStringUtf8();
        await ping.RequestStream.CompleteAsync().WaitAsync(MaxWait);
        var pingEnded = !await ping.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(MaxWait);

        // Assert
        Assert.Equal(Bytes(10_000), echoed);
        Assert.Equal(new Status(StatusCode.NotFound, "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n"), failure.Status);
        Assert.Equal(["r", "r", "r"], repeated);
        Assert.Equal("a+b", joined.Value.ToStringUtf8());
        Assert.Equal("pong:1", pong);
        Assert.True(pingEnded);
        Assert.Equal(Status.DefaultSuccess, ping.GetStatus());
    }

    [Fact]
    public async Task AsyncUnaryCall_ServerDeadlineFiresFirst_DeadlineExceeded()
    {
        // Arrange: a handler that only ends when the call's token fires (server deadline or client reset).
        var hang = TestMethods.Create(MethodType.Unary, "Hang");
        var service = new DynamicService().AddUnary<BytesValue, BytesValue>(hang, async (_, context) =>
        {
            await new TaskCompletionSource().Task.WaitAsync(context.CancellationToken);
            return new BytesValue { Value = ByteString.Empty };
        });
        await using var server = await KestrelTestServer.StartAsync(service);
        using var channel = RpcChannel.ForAddress(server.Address);

        // Act
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(hang, null, new CallOptions(deadline: DateTime.UtcNow.AddMilliseconds(200)), Bytes("x"));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(MaxWait));

        // Assert: whichever side's deadline wins, the client reports DEADLINE_EXCEEDED.
        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
    }
}
