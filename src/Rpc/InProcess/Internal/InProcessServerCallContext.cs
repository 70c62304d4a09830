using System.Diagnostics;

namespace JourneyGrpc.Rpc.InProcess.Internal;

/// <summary>The <see cref="ServerCallContext"/> of an in-process call.</summary>
[DebuggerDisplay("{Method,nq}")]
internal sealed class InProcessServerCallContext(InProcessCall call, string method, Metadata requestHeaders, DateTime deadline, CancellationToken cancellationToken) : ServerCallContext
{
    internal const string InProcessPeer = "in-process";

    private Metadata? _responseTrailers;
    private Dictionary<object, object>? _userState;

    public override string Method => method;

    public override string Host => InProcessPeer;

    public override string Peer => InProcessPeer;

    public override DateTime Deadline => deadline;

    public override Metadata RequestHeaders => requestHeaders;

    public override CancellationToken CancellationToken => cancellationToken;

    public override Metadata ResponseTrailers => _responseTrailers ??= [];

    public override Status Status { get; set; }

    public override WriteOptions? WriteOptions { get; set; }

    public override IDictionary<object, object> UserState => _userState ??= [];

    internal Metadata ResponseTrailersOrEmpty => _responseTrailers ?? Metadata.Empty;

    public override Task WriteResponseHeadersAsync(Metadata responseHeaders)
    {
        ArgumentNullException.ThrowIfNull(responseHeaders);
        call.SendHeaders(responseHeaders, explicitWrite: true);
        return Task.CompletedTask;
    }
}
