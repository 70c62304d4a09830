using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Rpc.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static JourneyGrpc.Rpc.Tests.Client.ClientWire;

namespace JourneyGrpc.Rpc.Tests.Client;

public sealed class StreamingClientCallTests
{
    private static readonly Method<BytesValue, BytesValue> ServerStream = TestMethods.Create(MethodType.ServerStreaming, "ServerStream");
    private static readonly Method<BytesValue, BytesValue> ClientStream = TestMethods.Create(MethodType.ClientStreaming, "ClientStream");
    private static readonly Method<BytesValue, BytesValue> Duplex = TestMethods.Create(MethodType.DuplexStreaming, "Duplex");

    [Fact]
    public async Task AsyncServerStreamingCall_MessagesSplitAtOddBoundaries_ReadsEveryMessage()
    {
        // Arrange: messages of awkward sizes, all concatenated, then sent in chunks that cut through
        // prefixes and payloads alike.
        int[] sizes = [0, 1, 100, 5, 70_000, 3, 16_385, 2];
        var wire = sizes.SelectMany(size => RawGrpc.Frame(Bytes(size))).ToArray();
        int[] chunks = [1, 4, 6, 13, 9_000, 2, 7];
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(ServerStream.FullName, async context =>
        {
            await StartAsync(context.Response);
            for (int offset = 0, i = 0; offset < wire.Length; i++)
            {
                var length = Math.Min(chunks[i % chunks.Length], wire.Length - offset);
                await WriteAsync(context.Response, wire[offset..(offset + length)]);
                offset += length;
            }

            context.Response.AppendTrailer("grpc-status", "0");
        }));
        using var channel = RpcChannel.ForAddress(server.Address);

        // Act
        using var call = channel.CreateCallInvoker().AsyncServerStreamingCall(ServerStream, null, default, Bytes("go"));
        var received = new List<BytesValue>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(MaxWait))
        {
            received.Add(call.ResponseStream.Current);
        }

        // Assert
        Assert.Equal(sizes.Select(Bytes), received);
        Assert.Equal(Status.DefaultSuccess, call.GetStatus());
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(MaxWait));
    }

    [Fact]
    public async Task AsyncServerStreamingCall_ErrorAfterMessages_MoveNextThrowsStatus()
    {
        // Arrange
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(ServerStream.FullName, async context =>
        {
            await StartAsync(context.Response);
            await WriteMessageAsync(context.Response, Bytes("one"));
            await WriteMessageAsync(context.Response, Bytes("two"));
            context.Response.AppendTrailer("grpc-status", "5");
            context.Response.AppendTrailer("grpc-message", "gone");
        }));
        using var channel = RpcChannel.ForAddress(server.Address);

        // Act
        using var call = channel.CreateCallInvoker().AsyncServerStreamingCall(ServerStream, null, default, Bytes("go"));
        var first = await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(MaxWait);
        var second = await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(MaxWait);
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(MaxWait));

        // Assert
        Assert.True(first && second);
        Assert.Equal(new Status(StatusCode.NotFound, "gone"), ex.Status);
        Assert.Equal(ex.Status, call.GetStatus());
    }

    [Fact]
    public async Task AsyncServerStreamingCall_TrailersOnlyOk_EndsWithoutMessages()
    {
        // Arrange
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(ServerStream.FullName, context =>
        {
            TrailersOnly(context.Response, "0");
            return Task.CompletedTask;
        }));
        using var channel = RpcChannel.ForAddress(server.Address);

        // Act
        using var call = channel.CreateCallInvoker().AsyncServerStreamingCall(ServerStream, null, default, Bytes("go"));
        var moved = await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(MaxWait);

        // Assert
        Assert.False(moved);
        Assert.Equal(Status.DefaultSuccess, call.GetStatus());
        Assert.Empty(await call.ResponseHeadersAsync.WaitAsync(MaxWait));
    }

    [Fact]
    public async Task AsyncClientStreamingCall_WritesThenComplete_ServerReadsAllThenEndOfStream()
    {
        // Arrange
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(ClientStream.FullName, async context =>
        {
            var frames = await ReadFramesAsync(context.Request);
            var joined = string.Join("+", frames.Select(f => BytesValue.Parser.ParseFrom(f.Payload).Value.ToStringUtf8()));
            await StartAsync(context.Response);
            await WriteMessageAsync(context.Response, Bytes(joined));
            context.Response.AppendTrailer("grpc-status", "0");
        }));
        using var channel = RpcChannel.ForAddress(server.Address);

        // Act
        using var call = channel.CreateCallInvoker().AsyncClientStreamingCall(ClientStream, null, default);
        foreach (var text in new[] { "a", "bb", "ccc" })
        {
            await call.RequestStream.WriteAsync(Bytes(text)).WaitAsync(MaxWait);
        }

        await call.RequestStream.CompleteAsync().WaitAsync(MaxWait);
        var response = await call.ResponseAsync.WaitAsync(MaxWait);

        // Assert
        Assert.Equal("a+bb+ccc", response.Value.ToStringUtf8());
        Assert.Equal(Status.DefaultSuccess, call.GetStatus());
    }

    [Fact]
    public async Task AsyncClientStreamingCall_CompleteWithoutWrites_ServerSeesEmptyStream()
    {
        // Arrange
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(ClientStream.FullName, async context =>
        {
            var frames = await ReadFramesAsync(context.Request);
            await StartAsync(context.Response);
            await WriteMessageAsync(context.Response, Bytes(frames.Count));
            context.Response.AppendTrailer("grpc-status", "0");
        }));
        using var channel = RpcChannel.ForAddress(server.Address);

        // Act
        using var call = channel.CreateCallInvoker().AsyncClientStreamingCall(ClientStream, null, default);
        await call.RequestStream.CompleteAsync().WaitAsync(MaxWait);
        var response = await call.ResponseAsync.WaitAsync(MaxWait);

        // Assert
        Assert.Equal(0, response.Value.Length);
    }

    [Fact]
    public async Task WriteAsync_AfterCompleteAsync_ThrowsInvalidOperation()
    {
        // Arrange
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(ClientStream.FullName, async context =>
        {
            await ReadFramesAsync(context.Request);
            await StartAsync(context.Response);
            await WriteMessageAsync(context.Response, Bytes("done"));
            context.Response.AppendTrailer("grpc-status", "0");
        }));
        using var channel = RpcChannel.ForAddress(server.Address);
        using var call = channel.CreateCallInvoker().AsyncClientStreamingCall(ClientStream, null, default);
        await call.RequestStream.WriteAsync(Bytes("a")).WaitAsync(MaxWait);
        await call.RequestStream.CompleteAsync().WaitAsync(MaxWait);

        // Act + Assert
        await Assert.ThrowsAsync<InvalidOperationException>(() => call.RequestStream.WriteAsync(Bytes("late")).WaitAsync(MaxWait));
        Assert.Equal("done", (await call.ResponseAsync.WaitAsync(MaxWait)).Value.ToStringUtf8());
    }

    [Fact]
    public async Task AsyncDuplexStreamingCall_PingPong_EachReplyArrivesBeforeTheNextWrite()
    {
        // Arrange: the server answers each message as it arrives, so the exchange only completes if
        // the client sends its headers and every message without waiting for the end of the stream.
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(Duplex.FullName, async context =>
        {
            await StartAsync(context.Response);
            while (await ReadFrameAsync(context.Request.BodyReader, context.RequestAborted) is { } frame)
            {
                var ping = BytesValue.Parser.ParseFrom(frame.Payload).Value.ToStringUtf8();
                await WriteMessageAsync(context.Response, Bytes("pong:" + ping));
            }

            context.Response.AppendTrailer("grpc-status", "0");
        }));
        using var channel = RpcChannel.ForAddress(server.Address);

        // Act
        using var call = channel.CreateCallInvoker().AsyncDuplexStreamingCall(Duplex, null, default);
        var replies = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            await call.RequestStream.WriteAsync(Bytes("ping" + i)).WaitAsync(MaxWait);
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(MaxWait));
            replies.Add(call.ResponseStream.Current.Value.ToStringUtf8());
        }

        await call.RequestStream.CompleteAsync().WaitAsync(MaxWait);
        var more = await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(MaxWait);

        // Assert
        Assert.Equal(["pong:ping0", "pong:ping1", "pong:ping2"], replies);
        Assert.False(more);
        Assert.Equal(Status.DefaultSuccess, call.GetStatus());
    }

    [Fact]
    public async Task AsyncDuplexStreamingCall_ServerFailsBeforeReading_WriteThrowsServerStatus()
    {
        // Arrange
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(Duplex.FullName, context =>
        {
            TrailersOnly(context.Response, "16", "who are you");
            return Task.CompletedTask;
        }));
        using var channel = RpcChannel.ForAddress(server.Address);
        using var call = channel.CreateCallInvoker().AsyncDuplexStreamingCall(Duplex, null, default);

        // Act
        await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(MaxWait));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.RequestStream.WriteAsync(Bytes("late")).WaitAsync(MaxWait));

        // Assert
        Assert.Equal(new Status(StatusCode.Unauthenticated, "who are you"), ex.Status);
    }
}
