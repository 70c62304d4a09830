using Grpc.Core;
namespace JourneyGrpc.Gateway.Internal.InProcess;

/// <summary>The response stream of a call that failed before it started: reading throws its status.</summary>
internal sealed class InProcessFailedStreamReader<T>(Status status) : IAsyncStreamReader<T>
{
    public T Current => throw new InvalidOperationException("No current message: call MoveNext first.");

    public Task<bool> MoveNext(CancellationToken cancellationToken) => Task.FromException<bool>(new RpcException(status));
}
