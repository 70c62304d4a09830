using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Rpc.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using static JourneyGrpc.Rpc.Tests.Client.ClientWire;

namespace JourneyGrpc.Rpc.Tests.Client;

public sealed partial class UnaryClientCallTests
{
    private static readonly Method<BytesValue, BytesValue> Echo = TestMethods.Create(MethodType.Unary, "Echo");

    [Fact]
    public async Task AsyncUnaryCall_OkResponse_ReturnsMessageHeadersAndTrailers()
    {
        // Arrange
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(Echo.FullName, async context =>
        {
            var request = Assert.Single(await ReadFramesAsync(context.Request));
            context.Response.Headers["x-header"] = "header-value";
            await StartAsync(context.Response);
            await WriteAsync(context.Response, RawGrpc.Frame(request.Payload));
            context.Response.AppendTrailer("grpc-status", "0");
            context.Response.AppendTrailer("x-trailer", "trailer-value");
        }));
        using var channel = RpcChannel.ForAddress(server.Address);

        // Act
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(Echo, null, default, Bytes("hello"));
        var response = await call.ResponseAsync.WaitAsync(MaxWait);
        var headers = await call.ResponseHeadersAsync.WaitAsync(MaxWait);

        // Assert
        Assert.Equal("hello", response.Value.ToStringUtf8());
        Assert.Equal("header-value", headers.GetValue("x-header"));
        Assert.Null(headers.Get("content-type"));
        Assert.Equal(Status.DefaultSuccess, call.GetStatus());
        Assert.Equal("trailer-value", call.GetTrailers().GetValue("x-trailer"));
        Assert.Null(call.GetTrailers().Get("grpc-status"));
    }

    [Fact]
    public async Task AsyncUnaryCall_Request_SendsProtocolHeadersAndOneFrame()
    {
        // Arrange
        var seen = new TaskCompletionSource<(string Protocol, string Path, IHeaderDictionary Headers, List<(bool Compressed, byte[] Payload)> Frames)>();
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(Echo.FullName, async context =>
        {
            var frames = await ReadFramesAsync(context.Request);
            seen.SetResult((context.Request.Protocol, context.Request.Path, new HeaderDictionary(new Dictionary<string, StringValues>(context.Request.Headers, StringComparer.OrdinalIgnoreCase)), frames));
            TrailersOnly(context.Response, "5");
        }));
        using var channel = RpcChannel.ForAddress(server.Address);
        var options = new CallOptions(new Metadata { { "x-custom", "custom-value" } }, DateTime.UtcNow.AddMinutes(5));

        // Act
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(Echo, null, options, Bytes("abc"));
        await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(MaxWait));
        var (protocol, path, headers, frames) = await seen.Task.WaitAsync(MaxWait);

        // Assert
        Assert.Equal("HTTP/2", protocol);
        Assert.Equal("/test.v1.TestService/Echo", path);
        Assert.Equal("application/grpc", headers.ContentType.ToString());
        Assert.Equal("trailers", headers.TE.ToString());
        Assert.Equal("grpc-dotnet-journeygrpc/1.0", headers.UserAgent.ToString());
        Assert.Equal("identity,gzip", headers["grpc-accept-encoding"].ToString());
        Assert.Matches(TimeoutPattern(), headers["grpc-timeout"].ToString());
        Assert.False(headers.ContainsKey("grpc-encoding"));
        Assert.Equal("custom-value", headers["x-custom"].ToString());
        var frame = Assert.Single(frames);
        Assert.False(frame.Compressed);
        Assert.Equal("abc", BytesValue.Parser.ParseFrom(frame.Payload).Value.ToStringUtf8());
    }

    [Fact]
    public async Task AsyncUnaryCall_TrailersOnlyWithPercentEncodedMessage_ThrowsDecodedStatus()
    {
        // Arrange: the special_status_message interop text, percent-encoded by hand.
        const string Expected = "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n";
        const string Encoded = "%09%0Atest with whitespace%0D%0Aand Unicode BMP %E2%98%BA and non-BMP %F0%9F%98%88%09%0A";
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(Echo.FullName, context =>
        {
            TrailersOnly(context.Response, "2", Encoded);
            context.Response.Headers["x-trailer"] = "in-headers";
            return Task.CompletedTask;
        }));
        using var channel = RpcChannel.ForAddress(server.Address);

        // Act
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(Echo, null, default, Bytes("x"));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(MaxWait));
        var headers = await call.ResponseHeadersAsync.WaitAsync(MaxWait);

        // Assert
        Assert.Equal(StatusCode.Unknown, ex.StatusCode);
        Assert.Equal(Expected, ex.Status.Detail);
        Assert.Equal(ex.Status, call.GetStatus());
        Assert.Empty(headers);
        Assert.Equal("in-headers", call.GetTrailers().GetValue("x-trailer"));
        Assert.Equal("in-headers", ex.Trailers.GetValue("x-trailer"));
    }

    [Fact]
    public async Task AsyncUnaryCall_StatusDetailsTrailer_ExposedOnException()
    {
        // Arrange
        var details = new Google.Rpc.Status
        {
            Code = (int)StatusCode.InvalidArgument,
            Message = "bad name",
            Details = { Any.Pack(new Google.Rpc.BadRequest { FieldViolations = { new Google.Rpc.BadRequest.Types.FieldViolation { Field = "name", Description = "required" } } }) },
        };
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(Echo.FullName, async context =>
        {
            context.Response.Headers["x-header"] = "sent-before-status";
            await StartAsync(context.Response);
            context.Response.AppendTrailer("grpc-status", "3");
            context.Response.AppendTrailer("grpc-message", "bad name");
            context.Response.AppendTrailer("grpc-status-details-bin", Convert.ToBase64String(details.ToByteArray()).TrimEnd('='));
        }));
        using var channel = RpcChannel.ForAddress(server.Address);

        // Act
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(Echo, null, default, Bytes("x"));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(MaxWait));
        var headers = await call.ResponseHeadersAsync.WaitAsync(MaxWait);

        // Assert
        Assert.Equal(new Status(StatusCode.InvalidArgument, "bad name"), ex.Status);
        Assert.Equal("sent-before-status", headers.GetValue("x-header"));
        var bytes = ex.Trailers.GetValueBytes("grpc-status-details-bin");
        Assert.NotNull(bytes);
        Assert.Equal(details, Google.Rpc.Status.Parser.ParseFrom(bytes));
        Assert.Equal(bytes, call.GetTrailers().GetValueBytes("grpc-status-details-bin"));
    }

    [Fact]
    public async Task GetStatus_CallNotComplete_ThrowsInvalidOperation()
    {
        // Arrange
        var release = new TaskCompletionSource();
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(Echo.FullName, async context =>
        {
            await release.Task.WaitAsync(context.RequestAborted);
            TrailersOnly(context.Response, "0");
        }));
        using var channel = RpcChannel.ForAddress(server.Address);
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(Echo, null, default, Bytes("x"));

        // Act + Assert
        Assert.Throws<InvalidOperationException>(() => call.GetStatus());
        Assert.Throws<InvalidOperationException>(() => call.GetTrailers());
        release.SetResult();
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(MaxWait));
        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
    }

    [GeneratedRegex("^[0-9]{1,8}[HMSmun]$")]
    private static partial Regex TimeoutPattern();
}
