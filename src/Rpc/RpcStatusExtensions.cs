using Google.Protobuf;
using JourneyGrpc.Rpc.Internal;

namespace JourneyGrpc.Rpc;

/// <summary>
/// The richer error model: a <c>google.rpc.Status</c> (code, message, typed details such as
/// <c>google.rpc.BadRequest</c>) carried in the <c>grpc-status-details-bin</c> trailer.
/// See https://grpc.io/docs/guides/error/.
/// </summary>
public static class RpcStatusExtensions
{
    /// <summary>An exception whose status and <c>grpc-status-details-bin</c> trailer both come from <paramref name="status"/>.</summary>
    public static RpcException ToRpcException(this Google.Rpc.Status status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var trailers = new Metadata { { GrpcProtocolConstants.StatusDetailsTrailer, status.ToByteArray() } };
        return new RpcException(new Status((StatusCode)status.Code, status.Message), trailers);
    }

    /// <summary>
    /// The <c>google.rpc.Status</c> in the exception's <c>grpc-status-details-bin</c> trailer, or null
    /// when there is none or it cannot be parsed.
    /// </summary>
    public static Google.Rpc.Status? GetRpcStatus(this RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.Trailers.GetValueBytes(GrpcProtocolConstants.StatusDetailsTrailer) is not { } bytes)
        {
            return null;
        }

        try
        {
            return Google.Rpc.Status.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }
}
