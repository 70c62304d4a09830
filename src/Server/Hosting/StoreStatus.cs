using Grpc.Core;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.Hosting;

/// <summary>
/// The one place store errors become gRPC statuses (the store does not depend on gRPC). Conflicts
/// are the client's to retry (ABORTED); a database that is locked, read-only, full or unreachable may
/// recover (UNAVAILABLE); a corrupt or too-new schema needs an operator (INTERNAL).
/// </summary>
internal static class StoreStatus
{
    internal static StatusCode CodeOf(StoreException exception) => exception switch
    {
        StoreConcurrencyException => StatusCode.Aborted,
        StoreDuplicateException => StatusCode.AlreadyExists,
        StoreFailureException { Failure: StoreFailure.Corrupt or StoreFailure.SchemaTooNew or StoreFailure.IoError } => StatusCode.Internal,
        StoreFailureException => StatusCode.Unavailable,
        _ => StatusCode.Internal,
    };

    internal static RpcException ToRpcException(StoreException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new RpcException(new Status(CodeOf(exception), exception.Message, exception));
    }
}
