using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using JourneyGrpc.Rpc.Tests.Infrastructure;

namespace JourneyGrpc.Rpc.Tests.Server;

public sealed class RichStatusTests
{
    private static readonly Method<BytesValue, BytesValue> Validate = TestMethods.Create(MethodType.Unary, "Validate");

    private static Google.Rpc.Status BadRequestStatus() => new()
    {
        Code = (int)Code.InvalidArgument,
        Message = "account_id must be 6 letters.",
        Details =
        {
            Any.Pack(new BadRequest
            {
                FieldViolations = { new BadRequest.Types.FieldViolation { Field = "account_id", Description = "must be 6 letters" } },
            }),
        },
    };

    [Fact]
    public void InvalidArgument_MessageAndViolations_BadRequestStatus()
    {
        var violation = new BadRequest.Types.FieldViolation { Field = "account_id", Description = "must be 6 letters" };

        var status = RichStatus.InvalidArgument("account_id must be 6 letters.", [violation]);

        Assert.Equal(BadRequestStatus(), status);
    }

    [Fact]
    public async Task RpcStatus_ThrownByHandler_StatusAndDetailsTrailerOnTheWire()
    {
        // Arrange
        var service = new DynamicService().AddUnary<BytesValue, BytesValue>(Validate, (_, _) => throw BadRequestStatus().ToRpcException());
        await using var server = await KestrelTestServer.StartAsync(service);
        using var client = RawGrpc.CreateClient(server.Address);

        // Act
        using var response = await client.SendAsync(RawGrpc.Request(Validate.FullName, RawGrpc.Frame(new BytesValue())));
        await response.Content.ReadAsByteArrayAsync();

        // Assert: Trailers-Only, so everything is in the headers; binary value is unpadded base64.
        Assert.Equal("3", RawGrpc.GrpcStatus(response));
        Assert.Equal("account_id must be 6 letters.", RawGrpc.GrpcMessage(response));
        var encoded = RawGrpc.Header(response, "grpc-status-details-bin")!;
        Assert.DoesNotContain("=", encoded, StringComparison.Ordinal);
        var details = Google.Rpc.Status.Parser.ParseFrom(Convert.FromBase64String(encoded.PadRight((encoded.Length + 3) / 4 * 4, '=')));
        Assert.Equal(BadRequestStatus(), details);
    }

    [Fact]
    public async Task RpcStatus_ThroughOurClient_GetRpcStatusReturnsDetails()
    {
        var service = new DynamicService().AddUnary<BytesValue, BytesValue>(Validate, (_, _) => throw BadRequestStatus().ToRpcException());
        await using var server = await KestrelTestServer.StartAsync(service);
        using var channel = RpcChannel.ForAddress(server.Address);
        var invoker = channel.CreateCallInvoker();

        var exception = await Assert.ThrowsAsync<RpcException>(() => invoker.AsyncUnaryCall(Validate, null, default, new BytesValue()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        var status = exception.GetRpcStatus();
        Assert.NotNull(status);
        var badRequest = status.Details.Single().Unpack<BadRequest>();
        Assert.Equal("account_id", badRequest.FieldViolations.Single().Field);
    }

    [Fact]
    public void GetRpcStatus_NoOrBrokenTrailer_Null()
    {
        Assert.Null(new RpcException(new Status(StatusCode.Internal, "x")).GetRpcStatus());
        var broken = new RpcException(new Status(StatusCode.Internal, "x"), new Metadata { { "grpc-status-details-bin", new byte[] { 0xFF, 0xFF } } });
        Assert.Null(broken.GetRpcStatus());
    }
}
