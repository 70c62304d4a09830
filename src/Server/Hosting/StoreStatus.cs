using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.Hosting;

/// <summary>
/// The one place store errors become gRPC statuses (the store does not depend on gRPC), used by every
/// service through <see cref="Grpc.StoreFailureStatus"/>. The code tells a client what to do:
/// UNAVAILABLE (with google.rpc.RetryInfo) is worth retrying as it is, ABORTED means read again and
/// retry, ALREADY_EXISTS and RESOURCE_EXHAUSTED / INTERNAL are not fixed by retrying. Messages are the
/// server's own words, never the database driver's; the exception itself goes to the log.
/// Every status carries google.rpc.ErrorInfo (domain <see cref="Domain"/>) with the failure as its reason.
/// </summary>
internal static class StoreStatus
{
    /// <summary>The google.rpc.ErrorInfo domain of store failures.</summary>
    internal const string Domain = "journeygrpc.store";

    /// <summary>How long a client should wait before retrying a transient failure.</summary>
    internal static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    internal static StatusCode CodeOf(StoreException exception) => Describe(exception).Code;

    internal static RpcException ToRpcException(StoreException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var (code, reason, message) = Describe(exception);
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        status.Details.Add(Any.Pack(new ErrorInfo { Domain = Domain, Reason = reason }));
        if (code == StatusCode.Unavailable)
        {
            status.Details.Add(Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(RetryDelay) }));
        }

        return status.ToRpcException();
    }

    private static (StatusCode Code, string Reason, string Message) Describe(StoreException exception) => exception switch
    {
        StoreConcurrencyException => (StatusCode.Aborted, "STORE_CONFLICT", "The call conflicted with concurrent writes to the same records; read again and retry."),
        StoreDuplicateException => (StatusCode.AlreadyExists, "STORE_DUPLICATE", "A record with the same key already exists."),
        StoreFailureException { Failure: var failure } => failure switch
        {
            StoreFailure.Locked => (StatusCode.Unavailable, "STORE_LOCKED", "The store is busy (locked by another writer); retry shortly."),
            StoreFailure.Unreachable => (StatusCode.Unavailable, "STORE_UNREACHABLE", "The store cannot be reached; retry shortly."),
            StoreFailure.IoError => (StatusCode.Unavailable, "STORE_IO_ERROR", "The store reported an I/O error; retry shortly."),
            StoreFailure.DiskFull => (StatusCode.ResourceExhausted, "STORE_DISK_FULL", "The store has no space left; writes fail until an operator frees space."),
            StoreFailure.ReadOnly => (StatusCode.Internal, "STORE_READ_ONLY", "The store does not accept writes; an operator must make it writable."),
            StoreFailure.Corrupt => (StatusCode.Internal, "STORE_CORRUPT", "The store is damaged; an operator must restore it from a backup."),
            StoreFailure.SchemaTooNew => (StatusCode.Internal, "STORE_SCHEMA_TOO_NEW", "The store was written by a newer server version; an operator must upgrade this server."),
            _ => (StatusCode.Internal, "STORE_FAILURE", "The store failed."),
        },
        _ => (StatusCode.Internal, "STORE_FAILURE", "The store failed."),
    };
}
