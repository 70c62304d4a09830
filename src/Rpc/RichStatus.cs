using Google.Protobuf.WellKnownTypes;
using Google.Rpc;

namespace JourneyGrpc.Rpc;

/// <summary>
/// <c>google.rpc.Status</c> values of the richer error model that services and the gateway build
/// alike; <see cref="RpcStatusExtensions.ToRpcException"/> turns one into the call's status.
/// </summary>
public static class RichStatus
{
    /// <summary>INVALID_ARGUMENT with <paramref name="message"/> and a <c>google.rpc.BadRequest</c> listing <paramref name="violations"/>.</summary>
    public static Google.Rpc.Status InvalidArgument(string message, IEnumerable<BadRequest.Types.FieldViolation> violations)
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
        };
    }
}
