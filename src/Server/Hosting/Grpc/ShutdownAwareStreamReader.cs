using Grpc.Core;

namespace JourneyGrpc.Server.Hosting.Grpc;

/// <summary>
/// A call's request stream whose reads also end when the server begins to stop. A handler that waits for the
/// client's next message without a token (the reflection service does) would otherwise keep its stream open,
/// and Kestrel's graceful shutdown waiting, until the shutdown timeout aborts it.
/// </summary>
internal sealed class ShutdownAwareStreamReader<T>(IAsyncStreamReader<T> inner, ServerCallContext call) : IAsyncStreamReader<T>
{
    public T Current => inner.Current;

    public Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        // The call's token already fires on shutdown (and on the client's cancellation and the deadline), so
        // only a token of the handler's own needs linking.
        return !cancellationToken.CanBeCanceled || cancellationToken == call.CancellationToken
            ? inner.MoveNext(call.CancellationToken)
            : MoveNextLinkedAsync(cancellationToken);
    }

    private async Task<bool> MoveNextLinkedAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, call.CancellationToken);
        return await inner.MoveNext(linked.Token).ConfigureAwait(false);
    }
}
