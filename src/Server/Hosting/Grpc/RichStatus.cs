using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace JourneyGrpc.Server.Hosting.Grpc;

/// <summary>
/// The one INVALID_ARGUMENT every service reports bad input with: a message for people and a
/// <c>google.rpc.BadRequest</c> naming each field, sent in <c>grpc-status-details-bin</c>
/// (Grpc.StatusProto), which the REST gateway renders as JSON.
/// </summary>
internal static class RichStatus
{
    internal static RpcException InvalidArgument(string message, IEnumerable<BadRequest.Types.FieldViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(violations);
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(violations);
        return new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = message,
            Details = { Any.Pack(badRequest) },
        }.ToRpcException();
    }
}
