using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using JourneyGrpc.Server.Hosting.Grpc;

namespace JourneyGrpc.Server.Tests.Hosting;

public sealed class RichStatusTests
{
    [Fact]
    public void InvalidArgument_MessageAndViolations_RpcExceptionCarryingBadRequestStatus()
    {
        var violation = new BadRequest.Types.FieldViolation { Field = "account_id", Description = "must be 6 letters" };

        var exception = RichStatus.InvalidArgument("account_id must be 6 letters.", [violation]);

        Assert.Equal((StatusCode.InvalidArgument, "account_id must be 6 letters."), (exception.StatusCode, exception.Status.Detail));
        var expected = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = "account_id must be 6 letters.",
            Details = { Any.Pack(new BadRequest { FieldViolations = { violation } }) },
        };
        Assert.Equal(expected, exception.GetRpcStatus());
    }
}
