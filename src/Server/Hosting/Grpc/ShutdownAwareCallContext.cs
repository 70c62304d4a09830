using Grpc.Core;

namespace JourneyGrpc.Server.Hosting.Grpc;

/// <summary>A call's context whose <see cref="ServerCallContext.CancellationToken"/> also fires when the server begins to stop.</summary>
internal sealed class ShutdownAwareCallContext : ServerCallContext, IDisposable
{
    // Where Grpc.AspNetCore's GetHttpContext() looks when the context is not its own.
    private const string HttpContextKey = "__HttpContext";

    private readonly ServerCallContext _inner;
    private readonly CancellationTokenSource _cancellation;

    internal ShutdownAwareCallContext(ServerCallContext inner, CancellationToken stopping)
    {
        _inner = inner;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(inner.CancellationToken, stopping);
        inner.UserState.TryAdd(HttpContextKey, inner.GetHttpContext());
    }

    protected override string MethodCore => _inner.Method;

    protected override string HostCore => _inner.Host;

    protected override string PeerCore => _inner.Peer;

    protected override DateTime DeadlineCore => _inner.Deadline;

    protected override Metadata RequestHeadersCore => _inner.RequestHeaders;

    protected override CancellationToken CancellationTokenCore => _cancellation.Token;

    protected override Metadata ResponseTrailersCore => _inner.ResponseTrailers;

    protected override Status StatusCore
    {
        get => _inner.Status;
        set => _inner.Status = value;
    }

    protected override WriteOptions? WriteOptionsCore
    {
        get => _inner.WriteOptions;
        set => _inner.WriteOptions = value;
    }

    protected override AuthContext AuthContextCore => _inner.AuthContext;

    // The inner context's state, so GetHttpContext() still finds the request.
    protected override IDictionary<object, object> UserStateCore => _inner.UserState;

    public void Dispose() => _cancellation.Dispose();

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => _inner.CreatePropagationToken(options);

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => _inner.WriteResponseHeadersAsync(responseHeaders);
}
