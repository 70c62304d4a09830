using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace JourneyGrpc.Rpc.Benchmarks;

/// <summary>
/// One reusable in-memory HTTP/2 request (POST, application/grpc, a complete body), reset before
/// each call the way Kestrel resets its pooled stream contexts, so a benchmark measures the code
/// under test rather than building an HttpContext.
/// </summary>
internal sealed class InMemoryCall
{
    private readonly byte[] _requestFrame;
    private readonly Pipe _body = new();
    private readonly HeaderDictionary _trailers = [];
    private readonly DefaultHttpContext _context = new();

    internal InMemoryCall(string path, byte[] requestFrame)
    {
        _requestFrame = requestFrame;
        var request = _context.Request;
        request.Protocol = "HTTP/2";
        request.Method = "POST";
        request.Path = path;
        request.ContentType = "application/grpc";
        request.Headers.TE = "trailers";
        _context.Features.Set<IRequestBodyPipeFeature>(new RequestBodyPipeFeature(_body.Reader));
        _context.Features.Set<IHttpResponseBodyFeature>(new DiscardingResponseBody());
        _context.Features.Set<IHttpResponseTrailersFeature>(new TrailersFeature(_trailers));
    }

    /// <summary>The context, with a fresh request body and an empty response.</summary>
    internal HttpContext Next()
    {
        _body.Reader.Complete();
        _body.Writer.Complete();
        _body.Reset();
        _body.Writer.Write(_requestFrame);
        _body.Writer.Complete();
        _context.Response.Headers.Clear();
        _trailers.Clear();
        _context.SetEndpoint(null);
        return _context;
    }

    private sealed class RequestBodyPipeFeature(PipeReader reader) : IRequestBodyPipeFeature
    {
        public PipeReader Reader { get; } = reader;
    }

    private sealed class TrailersFeature(IHeaderDictionary trailers) : IHttpResponseTrailersFeature
    {
        public IHeaderDictionary Trailers { get; set; } = trailers;
    }

    private sealed class DiscardingResponseBody : IHttpResponseBodyFeature
    {
        private readonly DiscardingPipeWriter _writer = new();

        public Stream Stream => Stream.Null;

        public PipeWriter Writer => _writer;

        public void DisableBuffering()
        {
        }

        public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task CompleteAsync() => Task.CompletedTask;
    }

    private sealed class DiscardingPipeWriter : PipeWriter
    {
        private readonly byte[] _buffer = new byte[64 * 1024];

        public override void Advance(int bytes)
        {
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => _buffer;

        public override Span<byte> GetSpan(int sizeHint = 0) => _buffer;

        public override void CancelPendingFlush()
        {
        }

        public override void Complete(Exception? exception = null)
        {
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(new FlushResult(false, false));
    }
}
