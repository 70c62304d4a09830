using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Rpc.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static JourneyGrpc.Rpc.Tests.Client.ClientWire;

namespace JourneyGrpc.Rpc.Tests.Client;

public sealed class CancellationClientTests
{
    private static readonly Method<BytesValue, BytesValue> Hang = TestMethods.Create(MethodType.Unary, "Hang");
    private static readonly Method<BytesValue, BytesValue> HangStream = TestMethods.Create(MethodType.ServerStreaming, "HangStream");
    private static readonly Method<BytesValue, BytesValue> HangDuplex = TestMethods.Create(MethodType.DuplexStreaming, "HangDuplex");

    [Fact]
    public async Task AsyncUnaryCall_TokenCancelled_CancelledAndServerAborted()
    {
        // Arrange
        var received = new TaskCompletionSource();
        var aborted = new TaskCompletionSource();
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(Hang.FullName, async context =>
        {
            context.RequestAborted.Register(() => aborted.TrySetResult());
            received.SetResult();
            await WaitForAbortAsync(context);
        }));
        using var channel = RpcChannel.ForAddress(server.Address);
        using var cts = new CancellationTokenSource();

        // Act
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(Hang, null, new CallOptions(cancellationToken: cts.Token), Bytes("x"));
        await received.Task.WaitAsync(MaxWait);
        await cts.CancelAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(MaxWait));

        // Assert
        Assert.Equal(new Status(StatusCode.Cancelled, "Call canceled by the client."), ex.Status);
        await aborted.Task.WaitAsync(MaxWait);
    }

    [Fact]
    public async Task AsyncUnaryCall_TokenAlreadyCancelled_CancelledWithoutSending()
    {
        // Arrange
        var calls = 0;
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(Hang.FullName, context =>
        {
            Interlocked.Increment(ref calls);
            return Task.CompletedTask;
        }));
        using var channel = RpcChannel.ForAddress(server.Address);

        // Act
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(Hang, null, new CallOptions(cancellationToken: new CancellationToken(canceled: true)), Bytes("x"));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(MaxWait));

        // Assert
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        Assert.Equal(0, Volatile.Read(ref calls));
    }

    [Fact]
    public async Task AsyncServerStreamingCall_DisposeMidStream_ServerAbortedAndReadThrows()
    {
        // Arrange
        var aborted = new TaskCompletionSource();
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(HangStream.FullName, async context =>
        {
            context.RequestAborted.Register(() => aborted.TrySetResult());
            await StartAsync(context.Response);
            await WriteMessageAsync(context.Response, Bytes("first"));
            await WaitForAbortAsync(context);
        }));
        using var channel = RpcChannel.ForAddress(server.Address);
        var call = channel.CreateCallInvoker().AsyncServerStreamingCall(HangStream, null, default, Bytes("x"));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(MaxWait));
        var pending = call.ResponseStream.MoveNext(CancellationToken.None);

        // Act
        call.Dispose();
        var pendingEx = await Assert.ThrowsAsync<RpcException>(() => pending.WaitAsync(MaxWait));
        var laterEx = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(MaxWait));

        // Assert
        Assert.Equal(new Status(StatusCode.Cancelled, "gRPC call disposed."), pendingEx.Status);
        Assert.Equal(StatusCode.Cancelled, laterEx.StatusCode);
        Assert.Equal(StatusCode.Cancelled, call.GetStatus().StatusCode);
        await aborted.Task.WaitAsync(MaxWait);
    }

    [Fact]
    public async Task MoveNext_AfterCallEndedOkAndDisposed_ThrowsObjectDisposed()
    {
        // Arrange
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(HangStream.FullName, context =>
        {
            TrailersOnly(context.Response, "0");
            return Task.CompletedTask;
        }));
        using var channel = RpcChannel.ForAddress(server.Address);
        var call = channel.CreateCallInvoker().AsyncServerStreamingCall(HangStream, null, default, Bytes("x"));
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(MaxWait));

        // Act
        call.Dispose();

        // Assert
        await Assert.ThrowsAsync<ObjectDisposedException>(() => call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(MaxWait));
        Assert.Equal(Status.DefaultSuccess, call.GetStatus());
    }

    [Fact]
    public async Task MoveNext_ReadTokenCancelled_CancelsTheCall()
    {
        // Arrange
        var aborted = new TaskCompletionSource();
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(HangStream.FullName, async context =>
        {
            context.RequestAborted.Register(() => aborted.TrySetResult());
            await StartAsync(context.Response);
            await WaitForAbortAsync(context);
        }));
        using var channel = RpcChannel.ForAddress(server.Address);
        using var call = channel.CreateCallInvoker().AsyncServerStreamingCall(HangStream, null, default, Bytes("x"));
        await call.ResponseHeadersAsync.WaitAsync(MaxWait);
        using var cts = new CancellationTokenSource();

        // Act
        var pending = call.ResponseStream.MoveNext(cts.Token);
        await cts.CancelAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(() => pending.WaitAsync(MaxWait));

        // Assert
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        await aborted.Task.WaitAsync(MaxWait);
    }

    [Fact]
    public async Task AsyncDuplexStreamingCall_Dispose_WriteThrowsCancelledAndServerAborted()
    {
        // Arrange
        var firstMessage = new TaskCompletionSource();
        var aborted = new TaskCompletionSource();
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(HangDuplex.FullName, async context =>
        {
            context.RequestAborted.Register(() => aborted.TrySetResult());
            await ReadFrameAsync(context.Request.BodyReader, context.RequestAborted);
            firstMessage.SetResult();
            await WaitForAbortAsync(context);
        }));
        using var channel = RpcChannel.ForAddress(server.Address);
        var call = channel.CreateCallInvoker().AsyncDuplexStreamingCall(HangDuplex, null, default);
        await call.RequestStream.WriteAsync(Bytes("one")).WaitAsync(MaxWait);
        await firstMessage.Task.WaitAsync(MaxWait);

        // Act
        call.Dispose();
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.RequestStream.WriteAsync(Bytes("two")).WaitAsync(MaxWait));

        // Assert
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        await aborted.Task.WaitAsync(MaxWait);
    }
}
