namespace JourneyGrpc.Rpc;

/// <summary>What a handler knows about, and can set on, the call it serves.</summary>
public abstract class ServerCallContext
{
    /// <summary>The method's path, e.g. <c>/grpc.health.v1.Health/Check</c>.</summary>
    public abstract string Method { get; }

    /// <summary>The <c>:authority</c> the client called.</summary>
    public abstract string Host { get; }

    /// <summary>The client's address, e.g. <c>ipv4:127.0.0.1:50123</c>.</summary>
    public abstract string Peer { get; }

    /// <summary>The call's deadline in UTC; <see cref="DateTime.MaxValue"/> when none was sent.</summary>
    public abstract DateTime Deadline { get; }

    /// <summary>The request's custom metadata.</summary>
    public abstract Metadata RequestHeaders { get; }

    /// <summary>Fires when the client cancels, the deadline passes or the server shuts down.</summary>
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>Trailing metadata to send with the status.</summary>
    public abstract Metadata ResponseTrailers { get; }

    /// <summary>The status to send when the handler returns normally.</summary>
    public abstract Status Status { get; set; }

    /// <summary>Options for the response messages written from now on.</summary>
    public abstract WriteOptions? WriteOptions { get; set; }

    /// <summary>State shared by interceptors and the handler for this call.</summary>
    public abstract IDictionary<object, object> UserState { get; }

    /// <summary>Sends response headers now; allowed once, before the first message.</summary>
    public abstract Task WriteResponseHeadersAsync(Metadata responseHeaders);
}
