using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyGrpc.Bench.Microbenchmarks;

/// <summary>
/// One reusable in-memory POST with a complete body, reset before each call the way Kestrel resets
/// its pooled stream contexts, so a benchmark measures the code under test rather than building an
/// HttpContext. Like Kestrel's own stream it is the request body, response, response body and trailers
/// features, and its response has started once a body byte was written (so gRPC status goes to trailers).
/// </summary>
internal sealed class InMemoryCall : IRequestBodyPipeFeature, IHttpResponseFeature, IHttpResponseBodyFeature, IHttpResponseTrailersFeature
{
    private readonly byte[] _requestBody;
    private readonly Pipe _body = new();
    private readonly DiscardingPipeWriter _responseBody = new();
    private readonly Stream _responseStream;
    private readonly DefaultHttpContext _context = new();
    private readonly IServiceScopeFactory _scopes;
    private RequestServicesFeature? _requestServices;
    private bool _started;

    private InMemoryCall(IServiceProvider services, string protocol, string path, string contentType, byte[] requestBody)
    {
        _scopes = services.GetRequiredService<IServiceScopeFactory>();
        _requestBody = requestBody;
        _responseStream = _responseBody.AsStream(leaveOpen: true);
        var request = _context.Request;
        request.Protocol = protocol;
        request.Method = HttpMethods.Post;
        request.Path = path;
        request.ContentType = contentType;
        request.ContentLength = requestBody.Length;
        _context.Features.Set<IRequestBodyPipeFeature>(this);
        _context.Features.Set<IHttpResponseFeature>(this);
        _context.Features.Set<IHttpResponseBodyFeature>(this);
        _context.Features.Set<IHttpResponseTrailersFeature>(this);
    }

    /// <summary>The HTTP status the last call answered.</summary>
    public int StatusCode { get; set; } = StatusCodes.Status200OK;

    /// <summary>The response headers the last call set.</summary>
    public IHeaderDictionary Headers { get; set; } = new HeaderDictionary();

    /// <summary>Bytes of response body the last call wrote.</summary>
    internal long ResponseBytes => _responseBody.BytesWritten;

    PipeReader IRequestBodyPipeFeature.Reader => _body.Reader;

    string? IHttpResponseFeature.ReasonPhrase { get; set; }

    Stream IHttpResponseFeature.Body
    {
        get => _responseStream;
        set => throw new NotSupportedException("the in-memory response body is fixed");
    }

    bool IHttpResponseFeature.HasStarted => _started || _responseBody.BytesWritten > 0;

    Stream IHttpResponseBodyFeature.Stream => _responseStream;

    PipeWriter IHttpResponseBodyFeature.Writer => _responseBody;

    /// <summary>The response trailers the last call set.</summary>
    public IHeaderDictionary Trailers { get; set; } = new HeaderDictionary();

    /// <summary>A gRPC call over HTTP/2, as h2load makes it in bench/unary-echo.sh.</summary>
    internal static InMemoryCall Grpc(IServiceProvider services, string path, byte[] frame)
    {
        var call = new InMemoryCall(services, "HTTP/2", path, "application/grpc", frame);
        call._context.Request.Headers.TE = "trailers";
        return call;
    }

    /// <summary>A JSON request over HTTP/1.1, as bench/gateway.sh posts to the REST gateway.</summary>
    internal static InMemoryCall Json(IServiceProvider services, string path, byte[] body) => new(services, "HTTP/1.1", path, "application/json", body);

    /// <summary>The context, with a fresh request body, an empty response and new request services.</summary>
    internal HttpContext Next()
    {
        // Each request gets its own (lazily created) service scope, disposed when it ends, as the hosting layer does.
        _requestServices?.Dispose();
        _requestServices = new RequestServicesFeature(_context, _scopes);
        _context.Features.Set<IServiceProvidersFeature>(_requestServices);

        _body.Reader.Complete();
        _body.Writer.Complete();
        _body.Reset();
        _body.Writer.Write(_requestBody);
        _body.Writer.Complete();
        StatusCode = StatusCodes.Status200OK;
        Headers.Clear();
        Trailers.Clear();
        _responseBody.Reset();
        _started = false;
        _context.SetEndpoint(null);
        return _context;
    }

    void IHttpResponseFeature.OnStarting(Func<object, Task> callback, object state)
    {
    }

    // Nothing to run at completion: the request services, which register here, are disposed by Next.
    void IHttpResponseFeature.OnCompleted(Func<object, Task> callback, object state)
    {
    }

    void IHttpResponseBodyFeature.DisableBuffering()
    {
    }

    Task IHttpResponseBodyFeature.StartAsync(CancellationToken cancellationToken)
    {
        _started = true;
        return Task.CompletedTask;
    }

    Task IHttpResponseBodyFeature.SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken) => Task.CompletedTask;

    Task IHttpResponseBodyFeature.CompleteAsync() => Task.CompletedTask;
}
