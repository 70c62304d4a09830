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

    private readonly IMethod _method;
    private readonly ServerCallSettings _settings;
    private readonly CancellationToken _shutdownToken;
    private CancellationTokenSource? _cancellation;    private SemaphoreSlim? _writeLock;
    private ServerCallDeadline? _deadline;
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;
    private Dictionary<object, object>? _userState;
    private CallState _state;
    private bool _responseHeadersWritten;
    internal HttpContextServerCallContext(HttpContext httpContext, IMethod method, ServerCallSettings settings, CancellationToken shutdownToken)
    {
        HttpContext = httpContext;
        _method = method;
        _settings = settings;
        _shutdownToken = shutdownToken;
    }

    private enum CallState
    {
        Running,
        Completed,
        DeadlineExceeded,
    }

    internal HttpContext HttpContext { get; }

    /// <summary>True when <see cref="DisposeAsync"/> has work to do (a deadline timer or a linked token).</summary>
    internal bool RequiresDispose => _cancellation is not null;

    internal MessageReadSettings ReadSettings { get; private set; }

    internal string? ResponseEncoding { get; private set; }

    internal bool ResponseMessageWritten { get; set; }

    internal bool IsRunning => _state == CallState.Running;

    internal bool IsDeadlineExceeded => _deadline?.IsExpired == true;

    internal ILogger Logger => _settings.Logger;

    public override string Method => _method.FullName;

    public override string Host => HttpContext.Request.Host.Value ?? string.Empty;

    public override string Peer => HttpContext.Connection.RemoteIpAddress switch
    {
        null => "unknown",
        var ip when ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 => $"ipv6:[{ip}]:{HttpContext.Connection.RemotePort}",
        var ip => $"ipv4:{ip}:{HttpContext.Connection.RemotePort}",
    };

    public override DateTime Deadline => _deadline?.Deadline ?? DateTime.MaxValue;

    public override Metadata RequestHeaders => _requestHeaders ??= ReadRequestHeaders();

    public override CancellationToken CancellationToken => _cancellation?.Token ?? HttpContext.RequestAborted;

    public override Metadata ResponseTrailers => _responseTrailers ??= [];

    public override Status Status { get; set; }

    public override WriteOptions? WriteOptions { get; set; }

    public override IDictionary<object, object> UserState => _userState ??= [];

    /// <summary>Reads call-level headers: deadline and request encoding; chooses the response encoding.</summary>
    internal void Initialize(bool streaming)
    {
        var request = HttpContext.Request;
        HttpContext.Response.ContentType = GrpcProtocolConstants.GrpcContentType;

        var timeoutHeader = request.Headers[GrpcProtocolConstants.TimeoutHeader];
        if (!StringValues.IsNullOrEmpty(timeoutHeader))
        {
            if (GrpcTimeout.TryParse(timeoutHeader.ToString(), out var timeout))
            {
                _cancellation = CancellationTokenSource.CreateLinkedTokenSource(HttpContext.RequestAborted);
                _deadline = new ServerCallDeadline(_settings.TimeProvider, timeout, DeadlineExceededAsync);
            }
            else
            {
                RpcServerLog.InvalidTimeoutIgnored(Logger, timeoutHeader.ToString());
            }
        }

        if (streaming)
        {
            // Open streams end with UNAVAILABLE at shutdown; unary calls are left to finish.
            _cancellation ??= CancellationTokenSource.CreateLinkedTokenSource(HttpContext.RequestAborted);
            _shutdownRegistration = _shutdownToken.UnsafeRegister(static state => ((HttpContextServerCallContext)state!).CancelQuietly(), this);
        }

        if (_cancellation is not null)
        {
            // A deadline timer or the shutdown token can end the call while the handler writes:
            // serialize writes with them. A unary call without a deadline has no such race.
            _writeLock = new SemaphoreSlim(1, 1);
        }

        ReadSettings = new MessageReadSettings(_settings.Options.MaxReceiveMessageSize, ReadRequestEncoding(request.Headers[GrpcProtocolConstants.MessageEncodingHeader]));

        if (_settings.Options.ResponseCompressionAlgorithm is { } algorithm && ClientAccepts(algorithm))
        {
            SetResponseEncoding(algorithm);
        }
    }

    private CancellationTokenRegistration _shutdownRegistration;

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
        _writeLock is null ? ValueTask.CompletedTask : new ValueTask(_writeLock.WaitAsync(cancellationToken));

    /// <summary>Enters the write section only if that needs no waiting.</summary>
    internal bool TryEnterWrite() => _writeLock is null || _writeLock.Wait(0);

    internal void ExitWrite() => _writeLock?.Release();

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
        else if (exception is OperationCanceledException && _shutdownToken.IsCancellationRequested)
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
    internal async ValueTask DisposeAsync()
    {
        _shutdownRegistration.Dispose();
        if (_deadline is not null)
        {
            await _deadline.DisposeAsync().ConfigureAwait(false);
        }

        _cancellation?.Dispose();
    }

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

    private void CancelQuietly()
    {
        try
        {
            _cancellation?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The call already ended.
        }
    }

    private void WriteStatus(Status status)
    {
        var response = HttpContext.Response;

        // Trailers-Only: nothing was sent, so the status goes in the one HEADERS frame (PROTOCOL-HTTP2.md).
        var trailersOnly = !response.HasStarted && !ResponseMessageWritten && !_responseHeadersWritten;
        if (trailersOnly)
        {
            var headers = response.Headers;
            headers[GrpcProtocolConstants.StatusTrailer] = StatusCodeText(status.StatusCode);
            if (!string.IsNullOrEmpty(status.Detail))
            {
                headers[GrpcProtocolConstants.MessageTrailer] = PercentEncoding.Encode(status.Detail);
            }

            if (_responseTrailers is not null)
            {
                foreach (var entry in _responseTrailers)
                {
                    headers.Append(entry.Key, MetadataHeaders.FormatValue(entry));
                }
            }

            return;
        }

        response.AppendTrailer(GrpcProtocolConstants.StatusTrailer, StatusCodeText(status.StatusCode));
        if (!string.IsNullOrEmpty(status.Detail))
        {
            response.AppendTrailer(GrpcProtocolConstants.MessageTrailer, PercentEncoding.Encode(status.Detail));
        }

        if (_responseTrailers is not null)
        {
            foreach (var entry in _responseTrailers)
            {
                response.AppendTrailer(entry.Key, MetadataHeaders.FormatValue(entry));
            }
        }
    }

    private static string StatusCodeText(StatusCode code) => code switch
    {
        StatusCode.OK => "0",
        _ => ((int)code).ToString(CultureInfo.InvariantCulture),
    };

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
        foreach (var value in HttpContext.Request.Headers[GrpcProtocolConstants.MessageAcceptEncodingHeader])
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
