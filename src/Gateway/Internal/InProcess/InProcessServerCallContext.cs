using System.Diagnostics;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace JourneyGrpc.Gateway.Internal.InProcess;

/// <summary>
/// The <see cref="ServerCallContext"/> of an in-process call. The REST request's
/// <see cref="HttpContext"/> is in <see cref="UserStateCore"/> under the key Grpc.AspNetCore's
/// <c>GetHttpContext()</c> reads, so interceptors and handlers see the caller's user, services
/// and connection as they would for a call over HTTP/2.
/// </summary>
[DebuggerDisplay("{MethodCore,nq}")]
internal sealed class InProcessServerCallContext : ServerCallContext
{
    // ServerCallContextExtensions.HttpContextKey in Grpc.AspNetCore.Server: the documented fallback
    // for call contexts that are not its own.
    private const string HttpContextKey = "__HttpContext";

    private readonly InProcessCall _call;
    private readonly string _method;
    private readonly Metadata _requestHeaders;
    private readonly DateTime _deadline;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<object, object> _userState;
    private Metadata? _responseTrailers;

    internal InProcessServerCallContext(InProcessCall call, string method, HttpContext httpContext, Metadata requestHeaders, DateTime deadline, CancellationToken cancellationToken)
    {
        _call = call;
        _method = method;
        _requestHeaders = requestHeaders;
        _deadline = deadline;
        _cancellationToken = cancellationToken;
        HttpContext = httpContext;
        _userState = new Dictionary<object, object> { [HttpContextKey] = httpContext };
    }

    internal HttpContext HttpContext { get; }

    internal Metadata ResponseTrailersOrEmpty => _responseTrailers ?? Metadata.Empty;

    protected override string MethodCore => _method;

    protected override string HostCore => HttpContext.Request.Host.Value ?? string.Empty;

    protected override string PeerCore => HttpContext.Connection.RemoteIpAddress is { } address
        ? (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"ipv6:[{address}]:{HttpContext.Connection.RemotePort}" : $"ipv4:{address}:{HttpContext.Connection.RemotePort}")
        : "in-process";

    protected override DateTime DeadlineCore => _deadline;

    protected override Metadata RequestHeadersCore => _requestHeaders;

    protected override CancellationToken CancellationTokenCore => _cancellationToken;

    protected override Metadata ResponseTrailersCore => _responseTrailers ??= [];

    protected override Status StatusCore { get; set; }

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override AuthContext AuthContextCore { get; } = new(null, []);

    protected override IDictionary<object, object> UserStateCore => _userState;

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
        throw new NotSupportedException("Context propagation tokens are not supported by in-process calls.");

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders)
    {
        ArgumentNullException.ThrowIfNull(responseHeaders);
        _call.SendHeaders(responseHeaders, explicitWrite: true);
        return Task.CompletedTask;
    }
}
