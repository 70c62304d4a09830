using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Rpc.Tests.Infrastructure;
using static JourneyGrpc.Rpc.Tests.Client.ClientWire;

namespace JourneyGrpc.Rpc.Tests.Client;

public sealed class RequestStreamWriterTests
{
    private static readonly Method<BytesValue, BytesValue> ClientStream = TestMethods.Create(MethodType.ClientStreaming, "ClientStream");

    [Fact]
    public async Task WriteAsync_PreviousWritePending_ThrowsInvalidOperation()
    {
        // Arrange
        var handler = new BlockingBodyHandler();
        using var channel = RpcChannel.ForAddress("http://localhost", new RpcChannelOptions { HttpHandler = handler, DisposeHttpHandler = true });
        using var call = channel.CreateCallInvoker().AsyncClientStreamingCall(ClientStream, null, default);
        var first = call.RequestStream.WriteAsync(Bytes("one"));
        await handler.Body.WriteStarted.WaitAsync(MaxWait);

        // Act
        var second = await Assert.ThrowsAsync<InvalidOperationException>(() => call.RequestStream.WriteAsync(Bytes("two")).WaitAsync(MaxWait));
        var complete = await Assert.ThrowsAsync<InvalidOperationException>(() => call.RequestStream.CompleteAsync().WaitAsync(MaxWait));
        handler.Body.ReleaseWrite();
        await first.WaitAsync(MaxWait);

        // Assert
        Assert.Equal("Can't write the message because the previous write is in progress.", second.Message);
        Assert.Equal("Can't complete the request stream because the previous write is in progress.", complete.Message);
        await call.RequestStream.CompleteAsync().WaitAsync(MaxWait);
    }

    [Fact]
    public async Task WriteAsync_PendingWhenDisposed_ThrowsCancelled()
    {
        // Arrange
        var handler = new BlockingBodyHandler();
        using var channel = RpcChannel.ForAddress("http://localhost", new RpcChannelOptions { HttpHandler = handler, DisposeHttpHandler = true });
        var call = channel.CreateCallInvoker().AsyncClientStreamingCall(ClientStream, null, default);
        var pending = call.RequestStream.WriteAsync(Bytes("one"));
        await handler.Body.WriteStarted.WaitAsync(MaxWait);

        // Act
        call.Dispose();
        var ex = await Assert.ThrowsAsync<RpcException>(() => pending.WaitAsync(MaxWait));
        var responseEx = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(MaxWait));

        // Assert
        Assert.Equal(new Status(StatusCode.Cancelled, "gRPC call disposed."), ex.Status);
        Assert.Equal(ex.Status, responseEx.Status);
    }

    [Fact]
    public async Task WriteAsync_OverMaxSendSize_ResourceExhaustedEndsTheCall()
    {
        // Arrange
        var handler = new BlockingBodyHandler();
        using var channel = RpcChannel.ForAddress("http://localhost", new RpcChannelOptions { HttpHandler = handler, DisposeHttpHandler = true, MaxSendMessageSize = 8 });
        using var call = channel.CreateCallInvoker().AsyncClientStreamingCall(ClientStream, null, default);

        // Act
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.RequestStream.WriteAsync(Bytes(100)).WaitAsync(MaxWait));
        var responseEx = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(MaxWait));

        // Assert
        Assert.Equal(new Status(StatusCode.ResourceExhausted, "Sending message exceeds the maximum configured message size."), ex.Status);
        Assert.Equal(ex.Status, responseEx.Status);
    }
}
