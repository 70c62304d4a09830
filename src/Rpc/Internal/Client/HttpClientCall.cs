using System.IO.Compression;
using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;

namespace JourneyGrpc.Rpc.Internal.Client;

/// <summary>
/// One client call as one HTTP/2 request. The call ends exactly once, with the first of: the server's
/// status (trailers or Trailers-Only), an error the client detects, the deadline, the caller's token
/// or Dispose. Every non-OK end cancels the HTTP exchange, which resets the stream (RST_STREAM CANCEL).
/// </summary>
internal sealed class HttpClientCall<TRequest, TResponse>
    where TRequest : class
    where TResponse : class
{
    private static readonly Task<HttpResponseMessage?> NoResponse = Task.FromResult<HttpResponseMessage?>(null);

    private readonly HttpClientCallInvoker _invoker;
    private readonly Method<TRequest, TResponse> _method;
    private readonly CallOptions _options;
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _cts = new();
    private readonly TaskCompletionSource<Metadata> _headers = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ClientCallDeadline? _deadline;
    private CancellationTokenRegistration _callerRegistration;
    private StreamingRequestContent? _requestContent;
    private HttpResponseMessage? _response;
    private MessageReadSettings _readSettings;
    private volatile bool _ended;
    private volatile bool _disposed;
    private Status _status;
    private HttpHeaders? _trailerHeaders;
    private Metadata? _trailers;

    internal HttpClientCall(HttpClientCallInvoker invoker, Method<TRequest, TResponse> method, CallOptions options)
    {
        _invoker = invoker;
        _method = method;
        _options = options;
    }

    internal Task<Metadata> ResponseHeadersAsync => _headers.Task;

    /// <summary>Cancelled when the call ends with a non-OK status.</summary>
    internal CancellationToken CallToken => _cts.Token;

    internal MessageReadSettings ReadSettings => _readSettings;

    internal Marshaller<TRequest> RequestMarshaller => _method.RequestMarshaller;

    internal Marshaller<TResponse> ResponseMarshaller => _method.ResponseMarshaller;

    internal bool IsDisposed => _disposed;

    internal bool IsEnded => _ended;

    public Status GetStatus() => _ended ? _status : throw new InvalidOperationException("Unable to get the status because the call is not complete.");

    public Metadata GetTrailers()
    {
        if (!_ended)
        {
            throw new InvalidOperationException("Unable to get the trailers because the call is not complete.");
        }

        // Built on first use: a successful call whose trailers nobody reads allocates nothing for them.
        return _trailers ??= _trailerHeaders is null ? Metadata.Empty : ResponseMetadata.FromHeaders(_trailerHeaders);
    }

    public void Dispose()
    {
        _disposed = true;
        Cancel(ClientStatuses.Disposed);
    }

    /// <summary>Starts a unary or server-streaming call; the task yields null when the call ended at or before the headers.</summary>
    internal Task<HttpResponseMessage?> StartUnary(TRequest request)
    {
        UnaryRequestContent content;
        try
        {
            content = UnaryRequestContent.Create(request, _method.RequestMarshaller, GetWriteSettings(null));
        }
        catch (RpcException ex)
        {
            End(ex.Status, trailers: null, headersEndCall: false);
            return NoResponse;
        }

        return Start(content);
    }

    /// <summary>Starts a client- or duplex-streaming call.</summary>
    internal Task<HttpResponseMessage?> StartStreaming(StreamingRequestContent content)
    {
        _requestContent = content;
        return Start(content);
    }

    /// <summary>The single response of a unary or client-streaming call, then its status.</summary>
    internal async Task<TResponse> ReadSingleResponseAsync(Task<HttpResponseMessage?> responseTask)
    {
        var response = await responseTask.ConfigureAwait(false);
        TResponse? message = null;
        if (response is not null)
        {
            PipeReader? reader = null;
            try
            {
                reader = await CreateResponseReaderAsync(response).ConfigureAwait(false);
                message = await MessageFraming.ReadMessageAsync(reader, _readSettings, _method.ResponseMarshaller.Deserializer, _cts.Token).ConfigureAwait(false);
                var extra = message is not null
                    && await MessageFraming.ReadMessageAsync(reader, _readSettings, _method.ResponseMarshaller.Deserializer, _cts.Token).ConfigureAwait(false) is not null;

                // A second message is a cardinality violation whatever the trailers say, and the trailers
                // only exist once the body has ended, which a misbehaving server need not do soon.
                var status = extra ? ClientStatuses.ExtraResponseMessage : ClientResponseStatus.FromTrailers(response.TrailingHeaders);
                if (status.StatusCode == StatusCode.OK && message is null)
                {
                    status = ClientStatuses.NoResponseMessage;
                }

                EndWithServerStatus(status, response.TrailingHeaders, headersEndCall: false);
            }
            catch (Exception ex)
            {
                throw OnReadFailed(ex);
            }
            finally
            {
                reader?.Complete();
            }
        }

        // _status is visible here: the call ended before responseTask completed, or this thread
        // ended it (or lost that race) inside _lock.
        return _status.StatusCode == StatusCode.OK ? message! : throw CreateException();
    }

    internal async ValueTask<PipeReader> CreateResponseReaderAsync(HttpResponseMessage response)
    {
        var stream = await response.Content.ReadAsStreamAsync(_cts.Token).ConfigureAwait(false);
        return PipeReader.Create(stream);
    }

    /// <summary>Ends a call whose response body reached its end: the status is in the trailers.</summary>
    internal void EndWithTrailers(HttpResponseMessage response) =>
        EndWithServerStatus(ClientResponseStatus.FromTrailers(response.TrailingHeaders), response.TrailingHeaders, headersEndCall: false);

    /// <summary>Ends the call after a failed read and returns what the reader should throw.</summary>
    internal Exception OnReadFailed(Exception exception)
    {
        if (exception is RpcException rpc)
        {
            // The client found the response unusable (framing, size, compression): give up on the stream.
            End(rpc.Status, trailers: null, headersEndCall: false);
        }
        else if (!_ended)
        {
            EndWithServerStatus(ClientResponseStatus.FromException(ClientStatuses.ReadFailed, exception), trailers: null, headersEndCall: false);
        }

        return EndedException(exception);
    }

    /// <summary>What a failed request write throws.</summary>
    internal Exception OnWriteFailed(Exception exception)
    {
        if (_ended)
        {
            return EndedException(exception);
        }

        // The stream broke under the write, but the call's status comes from the response side,
        // which may still read a server status that explains it.
        return new RpcException(ClientResponseStatus.FromException(ClientStatuses.WriteFailed, exception));
    }

    /// <summary>The exception for an operation on an ended call.</summary>
    internal Exception EndedException(Exception? cause = null)
    {
        var status = GetStatus();
        if (status.StatusCode != StatusCode.OK)
        {
            return CreateException();
        }

        return cause ?? new InvalidOperationException("The call is complete.");
    }

    internal RpcException CreateException() => new(_status, GetTrailers());

    /// <summary>Cancelling <paramref name="cancellationToken"/> cancels the whole call, as in grpc-dotnet.</summary>
    internal CancellationTokenRegistration RegisterCancellation(CancellationToken cancellationToken) =>
        cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((HttpClientCall<TRequest, TResponse>)state!).Cancel(ClientStatuses.CancelledByClient), this)
            : default;

    internal void Cancel(Status status) => End(status, trailers: null, headersEndCall: false);

    /// <summary>A stream's own write options win over the call's.</summary>
    internal WriteFlags GetWriteFlags(WriteOptions? writeOptions) => (writeOptions ?? _options.WriteOptions)?.Flags ?? WriteFlags.None;

    internal MessageWriteSettings GetWriteSettings(WriteOptions? writeOptions)
    {
        var compress = _invoker.CompressRequests && (GetWriteFlags(writeOptions) & WriteFlags.NoCompress) == 0;
        return new MessageWriteSettings(_invoker.MaxSendMessageSize, compress, CompressionLevel.Fastest);
    }

    private Task<HttpResponseMessage?> Start(HttpContent content)
    {
        TimeSpan? timeout = null;
        if (_options.Deadline is { } deadline && deadline != DateTime.MaxValue)
        {
            _deadline = new ClientCallDeadline(_invoker.TimeProvider, deadline, () => Cancel(ClientStatuses.DeadlineExceeded));
            timeout = _deadline.Remaining;
            if (timeout <= TimeSpan.Zero)
            {
                End(ClientStatuses.DeadlineExceeded, trailers: null, headersEndCall: false);
                return NoResponse;
            }
        }

        if (_options.CancellationToken.IsCancellationRequested)
        {
            End(ClientStatuses.CancelledByClient, trailers: null, headersEndCall: false);
            return NoResponse;
        }

        var request = CreateRequest(content, timeout);
        _deadline?.Start();
        _callerRegistration = RegisterCancellation(_options.CancellationToken);
        return SendAsync(request);
    }

    private HttpRequestMessage CreateRequest(HttpContent content, TimeSpan? timeout)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _invoker.GetUri(_method))
        {
            // h2c needs HTTP/2 prior knowledge: the default policy (OrLower) silently falls back to HTTP/1.1.
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };

        // grpc-timeout goes right after the pseudo-headers, custom metadata last (PROTOCOL-HTTP2.md, "Requests").
        var headers = request.Headers;
        if (timeout is { } value)
        {
            headers.TryAddWithoutValidation(GrpcProtocolConstants.TimeoutHeader, GrpcTimeout.Encode(value));
        }

        headers.TryAddWithoutValidation(GrpcProtocolConstants.TeHeader, GrpcProtocolConstants.TeTrailers);
        headers.TryAddWithoutValidation(GrpcProtocolConstants.UserAgentHeader, HttpClientCallInvoker.UserAgent);
        headers.TryAddWithoutValidation(GrpcProtocolConstants.MessageAcceptEncodingHeader, GrpcProtocolConstants.AcceptEncodingValue);
        if (_invoker.CompressRequests)
        {
            headers.TryAddWithoutValidation(GrpcProtocolConstants.MessageEncodingHeader, GrpcProtocolConstants.GzipEncoding);
        }

        if (_options.Headers is { } metadata)
        {
            for (var i = 0; i < metadata.Count; i++)
            {
                var entry = metadata[i];
                headers.TryAddWithoutValidation(entry.Key, MetadataHeaders.FormatValue(entry));
            }
        }

        return request;
    }

    private async Task<HttpResponseMessage?> SendAsync(HttpRequestMessage request)
    {
        HttpResponseMessage response;
        try
        {
            // A handler returns once the response headers arrive (ResponseHeadersRead is HttpClient's
            // wrapper of this); the body streams afterwards.
            response = await _invoker.HttpInvoker.SendAsync(request, _cts.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            if (!_ended)
            {
                EndWithServerStatus(ClientResponseStatus.FromException(ClientStatuses.StartFailed, ex), trailers: null, headersEndCall: false);
            }

            return null;
        }

        bool ended;
        lock (_lock)
        {
            ended = _ended;
            if (!ended)
            {
                _response = response;
            }
        }

        if (ended)
        {
            // Cancelled while the headers were on their way.
            response.Dispose();
            return null;
        }

        if (ClientResponseStatus.EndsAtHeaders(response, out var status, out var encoding))
        {
            if (status.StatusCode == StatusCode.OK && _method.Type is MethodType.Unary or MethodType.ClientStreaming)
            {
                status = ClientStatuses.NoResponseMessage;
            }

            // Trailers-Only: the headers are the trailers, so the call's headers are empty.
            EndWithServerStatus(status, response.Headers, headersEndCall: true);
            return null;
        }

        _readSettings = new MessageReadSettings(_invoker.MaxReceiveMessageSize, encoding);
        _headers.TrySetResult(ResponseMetadata.FromHeaders(response.Headers));
        return response;
    }

    private void EndWithServerStatus(Status status, HttpHeaders? trailers, bool headersEndCall)
    {
        // A server or proxy that gives up at the deadline says CANCELLED; the caller set a deadline,
        // so report DEADLINE_EXCEEDED (grpc-dotnet PR #1402).
        if (status.StatusCode == StatusCode.Cancelled && _deadline is { IsExpired: true })
        {
            status = ClientStatuses.DeadlineExceeded;
        }

        End(status, trailers, headersEndCall);
    }

    private void End(Status status, HttpHeaders? trailers, bool headersEndCall)
    {
        HttpResponseMessage? response;
        lock (_lock)
        {
            if (_ended)
            {
                return;
            }

            _status = status;
            _trailerHeaders = trailers;
            _ended = true;
            response = _response;
            _response = null;
        }

        if (headersEndCall)
        {
            _headers.TrySetResult(Metadata.Empty);
        }
        else if (!_headers.Task.IsCompleted && _headers.TrySetException(CreateException()))
        {
            // Observed here: a caller that never awaits the headers must not raise UnobservedTaskException.
            _ = _headers.Task.Exception;
        }

        if (status.StatusCode != StatusCode.OK)
        {
            // Stops a pending send, read or write; SocketsHttpHandler then resets the HTTP/2 stream.
            _cts.Cancel();
        }

        _deadline?.Dispose();
        _callerRegistration.Unregister();

        // A request stream the caller never completed is reset rather than left half-open.
        _requestContent?.Abort();
        response?.Dispose();
    }
}
