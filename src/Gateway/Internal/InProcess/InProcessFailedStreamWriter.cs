using Grpc.Core;

namespace JourneyGrpc.Gateway.Internal.InProcess;

/// <summary>The request stream of a call that failed before it started: writing throws its status.</summary>
internal sealed class InProcessFailedStreamWriter<T>(Status status) : IClientStreamWriter<T>
{
    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(T message) => Task.FromException(new RpcException(status));

    public Task CompleteAsync() => Task.CompletedTask;
}
