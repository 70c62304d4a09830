using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using JourneyGrpc.Journey.V1;
using JourneyGrpc.Server.Tests.Campaign.Infrastructure;
using JourneyGrpc.Server.Tests.Hosting.Infrastructure;

namespace JourneyGrpc.Server.Tests.Hosting;

/// <summary>
/// Errors as a client reads them off the wire: an unhandled handler exception is UNKNOWN and keeps its text to the
/// log unless <c>Rpc:EnableDetailedErrors</c> is on; bad input is INVALID_ARGUMENT with google.rpc.BadRequest in
/// <c>grpc-status-details-bin</c> (README "Run", "Journey service").
/// </summary>
public sealed class GrpcErrorStatusTests
{
    private const string HandlerFailed = "Exception was thrown by handler.";
    private const string StatusDetailsKey = "grpc-status-details-bin";

    [Fact]
    public async Task Unary_HandlerThrows_UnknownWithoutExceptionText()
    {
        await using var host = await ProbeHost.StartAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => host.Invoker.AsyncUnaryCall(ProbeMethods.Fail, null, Bounded(), new StringValue()).ResponseAsync);

        Assert.Equal((StatusCode.Unknown, HandlerFailed), (error.StatusCode, error.Status.Detail));
        Assert.DoesNotContain(error.Trailers, entry => !entry.IsBinary && entry.Value.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unary_HandlerThrowsWithDetailedErrors_UnknownWithExceptionText()
    {
        await using var host = await ProbeHost.StartAsync(new Dictionary<string, string?> { ["Rpc:EnableDetailedErrors"] = "true" });

        var error = await Assert.ThrowsAsync<RpcException>(() => host.Invoker.AsyncUnaryCall(ProbeMethods.Fail, null, Bounded(), new StringValue()).ResponseAsync);

        Assert.Equal((StatusCode.Unknown, $"{HandlerFailed} InvalidOperationException: {ProbeSignals.Secret}"), (error.StatusCode, error.Status.Detail));
    }

    [Fact]
    public async Task ServerStream_HandlerThrowsAfterFirstMessage_UnknownWithoutExceptionText()
    {
        await using var host = await ProbeHost.StartAsync();
        using var call = host.Invoker.AsyncServerStreamingCall(ProbeMethods.StreamThenFail, null, Bounded(), new StringValue { Value = "first" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).Bounded());
        var first = call.ResponseStream.Current.Value;

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None).Bounded());

        Assert.Equal("first", first);
        Assert.Equal((StatusCode.Unknown, HandlerFailed), (error.StatusCode, error.Status.Detail));
    }

    [Fact]
    public async Task Unary_RichStatusThrown_BadRequestInStatusDetailsTrailer()
    {
        await using var host = await ProbeHost.StartAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => host.Invoker.AsyncUnaryCall(ProbeMethods.Reject, null, Bounded(), new StringValue()).ResponseAsync);

        var sent = Google.Rpc.Status.Parser.ParseFrom(error.Trailers.GetValueBytes(StatusDetailsKey));
        Assert.Equal((StatusCode.InvalidArgument, "account_id must be 6 letters."), (error.StatusCode, error.Status.Detail));
        Assert.Equal(sent, error.GetRpcStatus());
        Assert.Equal((int)Code.InvalidArgument, sent.Code);
        Assert.Equal("account_id must be 6 letters.", sent.Message);
        var violation = Assert.Single(Assert.Single(sent.Details).Unpack<BadRequest>().FieldViolations);
        Assert.Equal(("account_id", "must be 6 letters"), (violation.Field, violation.Description));
    }

    [Fact]
    public async Task JourneyCall_InvalidAccountId_BadRequestReadBackWithGetRpcStatus()
    {
        await using var server = await RunningServer.StartAsync();
        var client = new JourneyService.JourneyServiceClient(server.Channel);
        var request = new GetEngagementRequest { AccountId = "abc", EngagementId = "dbf2aca9-b905-4ef1-a181-fa85133ae441" };

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetEngagementAsync(request, Bounded()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.NotNull(error.Trailers.GetValueBytes(StatusDetailsKey));
        var status = error.GetRpcStatus();
        Assert.NotNull(status);
        Assert.Equal((int)Code.InvalidArgument, status.Code);
        Assert.Equal(error.Status.Detail, status.Message);
        var badRequest = status.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Equal(["accountId"], badRequest.FieldViolations.Select(v => v.Field));
    }

    [Theory]
    [InlineData(new byte[] { 0x0a, 0x7f, 0x41 }, "While parsing a protocol message, the input ended unexpectedly in the middle of a field.")]
    [InlineData(new byte[] { 0x0a, 0x02, 0xff, 0xfe }, "String is invalid UTF-8.")]
    [InlineData(new byte[] { 0x00 }, "Protocol message contained an invalid tag (zero).")]
    public async Task Unary_UndecodableRequest_InternalNamingTheMessage(byte[] body, string why)
    {
        await using var server = await RunningServer.StartAsync();
        var bytes = Marshallers.Create(static (byte[] b) => b, static b => b);
        var method = new Method<byte[], byte[]>(MethodType.Unary, "journeygrpc.journey.v1.JourneyService", "GetEngagement", bytes, bytes);

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Channel.CreateCallInvoker().AsyncUnaryCall(method, null, Bounded(), body).ResponseAsync);

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.StartsWith($"Failed to deserialize message GetEngagementRequest: {why}", error.Status.Detail, StringComparison.Ordinal);
    }

    private static CallOptions Bounded() => new(deadline: DateTime.UtcNow.Add(TestTimeouts.Default));
}
