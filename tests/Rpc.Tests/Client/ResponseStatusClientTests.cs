using System.Net;
using System.Net.Sockets;
using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Rpc.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static JourneyGrpc.Rpc.Tests.Client.ClientWire;

namespace JourneyGrpc.Rpc.Tests.Client;

/// <summary>Statuses the client must synthesize from broken or unusual responses (PROTOCOL-HTTP2.md; http-grpc-status-mapping.md).</summary>
public sealed class ResponseStatusClientTests
{
    private static readonly Method<BytesValue, BytesValue> Echo = TestMethods.Create(MethodType.Unary, "Echo");

    [Theory]
    [InlineData(400, StatusCode.Internal)]
    [InlineData(401, StatusCode.Unauthenticated)]
    [InlineData(403, StatusCode.PermissionDenied)]
    [InlineData(404, StatusCode.Unimplemented)]
    [InlineData(429, StatusCode.Unavailable)]
    [InlineData(431, StatusCode.Internal)]
    [InlineData(500, StatusCode.Unknown)]
    [InlineData(502, StatusCode.Unavailable)]
    [InlineData(503, StatusCode.Unavailable)]
    [InlineData(504, StatusCode.Unavailable)]
    public async Task AsyncUnaryCall_NonOkHttpStatusWithoutGrpcStatus_MapsToGrpcStatus(int httpStatus, StatusCode expected)
    {
        // Arrange
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(Echo.FullName, async context =>
        {
            context.Response.StatusCode = httpStatus;
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("proxy says no");
        }));
        using var channel = RpcChannel.ForAddress(server.Address);

        // Act
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(Echo, null, default, Bytes("x"));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(MaxWait));

        // Assert
        Assert.Equal(new Status(expected, $"Bad gRPC response. HTTP status code: {httpStatus}"), ex.Status);
        Assert.Empty(await call.ResponseHeadersAsync.WaitAsync(MaxWait));
    }

    [Fact]
    public async Task AsyncUnaryCall_NonOkHttpStatusWithGrpcStatus_UsesGrpcStatus()
    {
        // Arrange
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(Echo.FullName, context =>
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            TrailersOnly(context.Response, "13", "Content-Type 'x' is not supported.");
            return Task.CompletedTask;
        }));
        using var channel = RpcChannel.ForAddress(server.Address);

        // Act
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(Echo, null, default, Bytes("x"));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(MaxWait));

        // Assert
        Assert.Equal(new Status(StatusCode.Internal, "Content-Type 'x' is not supported."), ex.Status);
    }

    [Fact]
    public async Task AsyncUnaryCall_NonGrpcContentType_Unknown()
    {
        // Arrange
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(Echo.FullName, async context =>
        {
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html></html>");
        }));
        using var channel = RpcChannel.ForAddress(server.Address);

        // Act
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(Echo, null, default, Bytes("x"));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(MaxWait));

        // Assert
        Assert.Equal(new Status(StatusCode.Unknown, "Bad gRPC response. Invalid content-type value: text/html"), ex.Status);
    }

    [Fact]
    public async Task AsyncUnaryCall_MessageWithoutGrpcStatus_Unknown()
    {
        // Arrange: 200, application/grpc, one message, END_STREAM on the data and no trailers.
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(Echo.FullName, async context =>
        {
            await StartAsync(context.Response);
            await WriteMessageAsync(context.Response, Bytes("orphan"));
        }));
        using var channel = RpcChannel.ForAddress(server.Address);

        // Act
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(Echo, null, default, Bytes("x"));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(MaxWait));

        // Assert
        Assert.Equal(new Status(StatusCode.Unknown, "No grpc-status found on response."), ex.Status);
    }

    [Fact]
    public async Task AsyncUnaryCall_OkWithoutMessage_Unimplemented()
    {
        // Arrange
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(Echo.FullName, async context =>
        {
            await StartAsync(context.Response);
            context.Response.AppendTrailer("grpc-status", "0");
        }));
        using var channel = RpcChannel.ForAddress(server.Address);

        // Act
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(Echo, null, default, Bytes("x"));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(MaxWait));

        // Assert
        Assert.Equal(new Status(StatusCode.Unimplemented, "Expected one response message but received none."), ex.Status);
    }

    [Fact]
    public async Task AsyncUnaryCall_TwoMessages_Unimplemented()
    {
        // Arrange
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(Echo.FullName, async context =>
        {
            await StartAsync(context.Response);
            await WriteAsync(context.Response, [.. RawGrpc.Frame(Bytes("a")), .. RawGrpc.Frame(Bytes("b"))]);
            context.Response.AppendTrailer("grpc-status", "0");
        }));
        using var channel = RpcChannel.ForAddress(server.Address);

        // Act
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(Echo, null, default, Bytes("x"));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(MaxWait));

        // Assert
        Assert.Equal(new Status(StatusCode.Unimplemented, "Expected one response message but received more."), ex.Status);
    }

    [Fact]
    public async Task AsyncUnaryCall_IncompleteMessage_Internal()
    {
        // Arrange: a prefix announcing 100 bytes followed by 3, then a clean OK status.
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(Echo.FullName, async context =>
        {
            await StartAsync(context.Response);
            await WriteAsync(context.Response, [0, 0, 0, 0, 100, 1, 2, 3]);
            context.Response.AppendTrailer("grpc-status", "0");
        }));
        using var channel = RpcChannel.ForAddress(server.Address);

        // Act
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(Echo, null, default, Bytes("x"));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(MaxWait));

        // Assert
        Assert.Equal(new Status(StatusCode.Internal, "Incomplete message."), ex.Status);
    }

    [Fact]
    public async Task AsyncUnaryCall_ServerResetsStream_InternalFromResetCode()
    {
        // Arrange: HttpContext.Abort() resets the stream with INTERNAL_ERROR.
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(Echo.FullName, async context =>
        {
            await StartAsync(context.Response);
            context.Abort();
        }));
        using var channel = RpcChannel.ForAddress(server.Address);

        // Act
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(Echo, null, default, Bytes("x"));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(MaxWait));

        // Assert
        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        Assert.StartsWith("Error reading next message.", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AsyncUnaryCall_NothingListening_Unavailable()
    {
        // Arrange: a loopback port that was just free.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var channel = RpcChannel.ForAddress($"http://127.0.0.1:{port}");

        // Act
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(Echo, null, default, Bytes("x"));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(MaxWait));
        var headersEx = await Assert.ThrowsAsync<RpcException>(() => call.ResponseHeadersAsync.WaitAsync(MaxWait));

        // Assert
        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.StartsWith("Error starting gRPC call. HttpRequestException:", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(ex.Status, headersEx.Status);
    }
}
