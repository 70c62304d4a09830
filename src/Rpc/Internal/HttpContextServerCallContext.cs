using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace JourneyGrpc.Rpc.Internal;

/// <summary>A <see cref="ServerCallContext"/> backed by Kestrel's <see cref="HttpContext"/>.</summary>
[DebuggerDisplay("{Method,nq}")]
internal sealed class HttpContextServerCallContext : ServerCallContext
{
    private static readonly Status DeadlineExceededStatus = new(StatusCode.DeadlineExceeded, "Deadline Exceeded");
    private static readonly Status ShutdownStatus = new(StatusCode.Unavailable, "Server is shutting down.");
    private static readonly string[] StatusCodeTexts = [.. Enumerable.Range(0, 17).Select(code => code.ToString(CultureInfo.InvariantCulture))];

    private readonly IMethod _method;
    private readonly ServerCallSettings _settings;
    private ServerCallGuard? _guard;
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;
    private ArrayBufferWriter<byte>? _bufferedMessages;
    private Dictionary<object, object>? _userState;
    private string? _requestEncoding;
    private CallState _state;
    private bool _responseHeadersWritten;

    internal HttpContextServerCallContext(HttpContext httpContext, IMethod method, ServerCallSettings settings)
    {
        HttpContext = httpContext;
        _method = method;
        _settings = settings;
    }

    private enum CallState
    {
        Running,
        Completed,
        DeadlineExceeded,
    }

    internal HttpContext HttpContext { get; }

    /// <summary>True when <see cref="DisposeAsync"/> has work to do (a deadline timer or a linked token).</summary>
    internal bool RequiresDispose => _guard is not null;

    internal MessageReadSettings ReadSettings => new(_settings.Options.MaxReceiveMessageSize, _requestEncoding);

    internal string? ResponseEncoding { get; private set; }

    internal bool ResponseMessageWritten { get; set; }

    /// <summary>
    /// Framed messages written with <see cref="WriteFlags.BufferHint"/>, waiting for the next flush (or
    /// the status): Kestrel's HTTP/2 response writer takes a lock for every write, which the
    /// connection's frame writer contends for, so a burst goes to it in one copy.
    /// </summary>
    internal ArrayBufferWriter<byte> BufferedMessages => _bufferedMessages ??= new ArrayBufferWriter<byte>(ResponseWriting.BufferedMessagesInitialSize);

    /// <summary>True when buffered messages wait for <see cref="WriteBufferedMessages"/>.</summary>
    internal bool HasBufferedMessages => _bufferedMessages is { WrittenCount: > 0 };

    internal bool IsRunning => _state == CallState.Running;

    internal bool IsDeadlineExceeded => _guard?.Deadline?.IsExpired == true;

    internal ILogger Logger => _settings.Logger;

    public override string Method => _method.FullName;

    public override string Host => HttpContext.Request.Host.Value ?? string.Empty;

    public override string Peer => HttpContext.Connection.RemoteIpAddress switch
    {
        null => "unknown",
        var ip when ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 => $"ipv6:[{ip}]:{HttpContext.Connection.RemotePort}",
        var ip => $"ipv4:{ip}:{HttpContext.Connection.RemotePort}",
    };

    public override DateTime Deadline => _guard?.Deadline?.Deadline ?? DateTime.MaxValue;

    public override Metadata RequestHeaders => _requestHeaders ??= ReadRequestHeaders();

    public override CancellationToken CancellationToken => _guard?.Cancellation.Token ?? HttpContext.RequestAborted;

    public override Metadata ResponseTrailers => _responseTrailers ??= [];

    public override Status Status { get; set; }

    public override WriteOptions? WriteOptions { get; set; }

    public override IDictionary<object, object> UserState => _userState ??= [];

    /// <summary>Reads call-level headers: deadline and request encoding; chooses the response encoding.</summary>
    internal void Initialize(bool streaming)
    {
        var requestHeaders = HttpContext.Request.Headers;
        HttpContext.Response.ContentType = GrpcProtocolConstants.GrpcContentType;

        var timeoutHeader = requestHeaders.GrpcTimeout;
        if (!StringValues.IsNullOrEmpty(timeoutHeader))
        {
            if (GrpcTimeout.TryParse(timeoutHeader.ToString(), out var timeout))
            {
                // A deadline timer can end the call while the handler writes: the guard serializes the two.
                _guard = new ServerCallGuard(HttpContext.RequestAborted);
                _guard.Deadline = new ServerCallDeadline(_settings.TimeProvider, timeout, DeadlineExceededAsync);
            }
            else
            {
                RpcServerLog.InvalidTimeoutIgnored(Logger, timeoutHeader.ToString());
            }
        }

        if (streaming)
        {
            // Open streams end with UNAVAILABLE at shutdown; unary calls are left to finish.
            // A unary call without a deadline has no such race, and no guard.
            _guard ??= new ServerCallGuard(HttpContext.RequestAborted);
            _guard.ShutdownRegistration = _settings.ShutdownToken.UnsafeRegister(static state => ((HttpContextServerCallContext)state!).CancelQuietly(), this);
        }

        _requestEncoding = ReadRequestEncoding(requestHeaders.GrpcEncoding);

        if (_settings.Options.ResponseCompressionAlgorithm is { } algorithm && ClientAccepts(algorithm))
        {
            SetResponseEncoding(algorithm);
        }
    }

    public override async Task WriteResponseHeadersAsync(Metadata responseHeaders)
    {
        ArgumentNullException.ThrowIfNull(responseHeaders);
        await EnterWriteAsync(CancellationToken).ConfigureAwait(false);
        try
        {
            if (_responseHeadersWritten || HttpContext.Response.HasStarted || ResponseMessageWritten)
            {
                throw new InvalidOperationException("Response headers can only be sent once per call.");
            }

            if (!IsRunning)
            {
                throw new InvalidOperationException("Can't write response headers because the call is complete.");
            }

            foreach (var entry in responseHeaders)
            {
                if (entry.Key == GrpcProtocolConstants.CompressionRequestHeader)
                {
                    SetResponseEncoding(entry.Value);
                    continue;
                }

                HttpContext.Response.Headers.Append(entry.Key, MetadataHeaders.FormatValue(entry));
            }

            _responseHeadersWritten = true;
            await HttpContext.Response.BodyWriter.FlushAsync(CancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ExitWrite();
        }
    }

    internal MessageWriteSettings GetWriteSettings(WriteOptions? writeOptions)
    {
        var compress = ResponseEncoding is not null && ((writeOptions ?? WriteOptions)?.Flags & WriteFlags.NoCompress) != WriteFlags.NoCompress;
        return new MessageWriteSettings(_settings.Options.MaxSendMessageSize, compress, _settings.Options.ResponseCompressionLevel);
    }

    /// <summary>Enters the write section; completes at once when the call has no concurrent writer.</summary>
    internal ValueTask EnterWriteAsync(CancellationToken cancellationToken) =>
        _guard is null ? ValueTask.CompletedTask : new ValueTask(_guard.WriteLock.WaitAsync(cancellationToken));

    /// <summary>Enters the write section only if that needs no waiting.</summary>
    internal bool TryEnterWrite() => _guard is null || _guard.WriteLock.Wait(0);

    internal void ExitWrite() => _guard?.WriteLock.Release();

    /// <summary>Ends the call without waiting, if nothing else holds the write section.</summary>
    internal bool TryEndCall()
    {
        if (!TryEnterWrite())
        {
            return false;
        }

        try
        {
            if (_state == CallState.Running)
            {
                _state = CallState.Completed;
                WriteStatus(Status);
            }

            return true;
        }
        finally
        {
            ExitWrite();
        }
    }

    /// <summary>Ends a call whose handler returned: sends <see cref="Status"/> and the trailers.</summary>
    internal async Task EndCallAsync()
    {
        await EnterWriteAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (_state != CallState.Running)
            {
                return;
            }

            _state = CallState.Completed;
            WriteStatus(Status);
        }
        finally
        {
            ExitWrite();
        }
    }

    /// <summary>Ends a call whose handler threw.</summary>
    internal async Task ProcessHandlerErrorAsync(Exception exception)
    {
        if (IsDeadlineExceeded)
        {
            RpcServerLog.HandlerEndedAfterDeadline(Logger, Method);
            return;
        }

        if (exception is RpcException rpcException)
        {
            Status = rpcException.Status;
            foreach (var entry in rpcException.Trailers)
            {
                ResponseTrailers.Add(entry);
            }

            RpcServerLog.RpcExceptionThrown(Logger, Method, rpcException.StatusCode, rpcException.Status.Detail, rpcException.Status.DebugException);
        }
        else if (exception is OperationCanceledException && HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The client reset the stream; nothing can be sent any more.
            RpcServerLog.CallCancelledByClient(Logger, Method);
            _state = CallState.Completed;
            return;
        }
        else if (exception is OperationCanceledException && _settings.ShutdownToken.IsCancellationRequested)
        {
            Status = ShutdownStatus;
        }
        else
        {
            RpcServerLog.HandlerThrew(Logger, Method, exception);
            var detail = _settings.Options.EnableDetailedErrors
                ? $"Exception was thrown by handler. {exception.GetType().Name}: {exception.Message}"
                : "Exception was thrown by handler.";
            Status = new Status(StatusCode.Internal, detail, exception);
        }

        await EndCallAsync().ConfigureAwait(false);
    }

    /// <summary>Releases the deadline timer and shutdown registration; waits for a running expiry.</summary>
    internal ValueTask DisposeAsync() => _guard?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task DeadlineExceededAsync()
    {
        // Leave the timer's lock before cancelling: cancellation callbacks run inline.
        await Task.Yield();
        RpcServerLog.DeadlineExceeded(Logger, Method);
        CancelQuietly();

        await EnterWriteAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (_state != CallState.Running)
            {
                return;
            }

            _state = CallState.DeadlineExceeded;
            WriteStatus(DeadlineExceededStatus);
            await HttpContext.Response.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or OperationCanceledException)
        {
            RpcServerLog.DeadlineStatusNotSent(Logger, Method, ex);
        }
        finally
        {
            ExitWrite();
        }

        // PROTOCOL-HTTP2.md: after sending the status early, reset the stream so the client stops sending.
        if (HttpContext.Features.Get<IHttpResetFeature>() is { } reset)
        {
            reset.Reset(GrpcProtocolConstants.Http2ResetStreamCancel);
        }
        else
        {
            HttpContext.Abort();
        }
    }

    private void CancelQuietly() => _guard?.CancelQuietly();

    /// <summary>Hands the buffered messages to the response body, without flushing.</summary>
    internal void WriteBufferedMessages()
    {
        if (_bufferedMessages is { WrittenCount: > 0 } buffered)
        {
            HttpContext.Response.BodyWriter.Write(buffered.WrittenSpan);
            buffered.ResetWrittenCount();
        }
    }

    private void WriteStatus(Status status)
    {
        // Messages the handler wrote go out before the status, flushed or not.
        WriteBufferedMessages();
        var response = HttpContext.Response;

        // Trailers-Only: nothing was sent, so the status goes in the one HEADERS frame (PROTOCOL-HTTP2.md).
        var trailersOnly = !response.HasStarted && !ResponseMessageWritten && !_responseHeadersWritten;
        var target = trailersOnly ? response.Headers : ResponseTrailersOrThrow();
        target.GrpcStatus = StatusCodeText(status.StatusCode);
        if (!string.IsNullOrEmpty(status.Detail))
        {
            target.GrpcMessage = PercentEncoding.Encode(status.Detail);
        }

        if (_responseTrailers is not null)
        {
            foreach (var entry in _responseTrailers)
            {
                target.Append(entry.Key, MetadataHeaders.FormatValue(entry));
            }
        }
    }

    private IHeaderDictionary ResponseTrailersOrThrow() =>
        HttpContext.Features.Get<IHttpResponseTrailersFeature>()?.Trailers is { IsReadOnly: false } trailers
            ? trailers
            : throw new InvalidOperationException("Trailers are not supported for this response: gRPC needs HTTP/2 with trailers.");

    /// <summary>"0" to "16" without formatting per call; any other value is formatted.</summary>
    private static string StatusCodeText(StatusCode code) =>
        (uint)code < (uint)StatusCodeTexts.Length ? StatusCodeTexts[(int)code] : ((int)code).ToString(CultureInfo.InvariantCulture);

    private Metadata ReadRequestHeaders()
    {
        var metadata = new Metadata();
        foreach (var header in HttpContext.Request.Headers)
        {
            foreach (var value in header.Value)
            {
                MetadataHeaders.AddHeaderValue(metadata, header.Key, value);
            }
        }

        return metadata;
    }

    private string? ReadRequestEncoding(StringValues header)
    {
        var encoding = header.ToString();
        if (encoding.Length == 0 || string.Equals(encoding, GrpcProtocolConstants.IdentityEncoding, StringComparison.Ordinal))
        {
            return null;
        }

        if (string.Equals(encoding, GrpcProtocolConstants.GzipEncoding, StringComparison.Ordinal))
        {
            return GrpcProtocolConstants.GzipEncoding;
        }

        // The response must list what we can decode, without the failing coding (PROTOCOL-HTTP2.md).
        HttpContext.Response.Headers[GrpcProtocolConstants.MessageAcceptEncodingHeader] = GrpcProtocolConstants.AcceptEncodingValue;
        throw new RpcException(new Status(StatusCode.Unimplemented, $"Unsupported grpc-encoding value '{encoding}'. Supported encodings: {GrpcProtocolConstants.AcceptEncodingValue}"));
    }

    private bool ClientAccepts(string algorithm)
    {
        foreach (var value in HttpContext.Request.Headers.GrpcAcceptEncoding)
        {
            foreach (var part in (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries))
            {
                if (string.Equals(part, algorithm, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private void SetResponseEncoding(string algorithm)
    {
        if (string.Equals(algorithm, GrpcProtocolConstants.IdentityEncoding, StringComparison.Ordinal))
        {
            ResponseEncoding = null;
            HttpContext.Response.Headers.Remove(GrpcProtocolConstants.MessageEncodingHeader);
            return;
        }

        if (!string.Equals(algorithm, GrpcProtocolConstants.GzipEncoding, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Response compression '{algorithm}' is not supported; use gzip.");
        }

        if (!ClientAccepts(algorithm))
        {
            // The client can't decode it; stay uncompressed.
            return;
        }

        ResponseEncoding = algorithm;
        HttpContext.Response.Headers[GrpcProtocolConstants.MessageEncodingHeader] = algorithm;
    }
}
