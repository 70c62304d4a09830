using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace JourneyGrpc.Gateway.Internal.InProcess;

/// <summary>
/// One in-process call: the server-side context, and the caller-side view of headers, status and
/// trailers. The first of handler completion, handler failure, the deadline, caller cancellation
/// and disposal ends the call; later ones are ignored, as on the wire.
/// </summary>
internal sealed class InProcessCall
{
    private const int Running = 0;
    private const int Ending = 1;
    private const int Ended = 2;

    private readonly TaskCompletionSource<Metadata> _headers = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _handlerCancellation = new();
    private readonly InProcessCallSettings _settings;
    private readonly CancellationToken _callerToken;
    private readonly Action<Status, Metadata> _onEnded;
    private readonly HttpContext _httpContext;
    private CancellationTokenRegistration _callerRegistration;
    private CancellationTokenRegistration _shutdownRegistration;
    private InProcessCallDeadline? _deadline;
    private Status _status;
    private Metadata _trailers = Metadata.Empty;
    private int _state;
    private bool _aborted;
    private bool _headersSent;

    internal InProcessCall(IMethod method, HttpContext httpContext, CallOptions options, InProcessCallSettings settings, bool streaming, Action<Status, Metadata> onEnded)
    {
        _settings = settings;
        _callerToken = options.CancellationToken;
        _onEnded = onEnded;
        _httpContext = httpContext;
        var deadline = options.Deadline ?? DateTime.MaxValue;
        Context = new InProcessServerCallContext(this, method.FullName, httpContext, options.Headers ?? [], deadline, _handlerCancellation.Token);
        if (deadline != DateTime.MaxValue)
        {
            var timeout = deadline - settings.TimeProvider.GetUtcNow().UtcDateTime;
            _deadline = new InProcessCallDeadline(settings.TimeProvider, timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero, DeadlineExceededAsync);
        }

        if (_callerToken.CanBeCanceled)
        {
            _callerRegistration = _callerToken.UnsafeRegister(static state => ((InProcessCall)state!).Abort(InProcessStatuses.CancelledByClient), this);
        }

        if (streaming)
        {
            // Open streams end with UNAVAILABLE at shutdown; unary calls are left to finish (as over HTTP/2).
            _shutdownRegistration = settings.ShutdownToken.UnsafeRegister(static state => ((InProcessCall)state!).End(InProcessStatuses.ShuttingDown, Metadata.Empty), this);
        }
    }

    internal InProcessServerCallContext Context { get; }

    internal Task<Metadata> ResponseHeadersAsync => _headers.Task;

    /// <summary>The status is set (it is written before the call counts as ended, so a reader never sees a half-ended call).</summary>
    internal bool IsEnded => Volatile.Read(ref _state) == Ended;

    /// <summary>
    /// Ended from the caller's side (cancellation, disposal, the deadline): as Grpc.Net.Client, the
    /// caller reads no further message, even one already produced. When the server side ends the
    /// call, messages written before the status are still read, as they precede trailers on the wire.
    /// </summary>
    internal bool IsAborted => IsEnded && _aborted;

    internal bool IsDeadlineExceeded => _deadline?.IsExpired == true;

    internal Status GetStatus() => IsEnded ? _status : throw new InvalidOperationException("Unable to get the status because the call is not complete.");

    internal Metadata GetTrailers() => IsEnded ? _trailers : throw new InvalidOperationException("Can't get the call trailers because the call has not completed successfully.");

    internal RpcException CreateException() => new(_status, _trailers);

    /// <summary>Runs the handler; every way it can end becomes the call's status.</summary>
    internal void Run(Func<Task> handler)
    {
        Task task;
        if (IsEnded)
        {
            // Ended before it started (the caller's token was already cancelled, the server is stopping):
            // the handler is not called; the registrations and the deadline are still released below.
            task = Task.CompletedTask;
        }
        else
        {
            // The handler's service and interceptors come from the request's services: create that scope
            // before the handler starts, so its disposal is registered before ours below (see there).
            _ = _httpContext.RequestServices;
            try
            {
                task = handler();
            }
            catch (Exception ex)
            {
                task = Task.FromException(ex);
            }
        }

        if (task.IsCompletedSuccessfully && _deadline is null)
        {
            ReleaseRegistrations();
            return;
        }

        var handled = AwaitHandlerAsync(task);
        if (!handled.IsCompleted)
        {
            // A handler can outlive its call (the caller went away, the deadline passed), and it still
            // holds the REST request's HttpContext and scoped services. Grpc.AspNetCore ends a request
            // only after its handler; here the REST request's OnCompleted callbacks wait for it. They run
            // after the response is sent, last registered first, so before the services scope (registered
            // when it was created, above) is disposed and before Kestrel reuses the HttpContext.
            _httpContext.Response.OnCompleted(static state => (Task)state, handled);
        }
    }

    /// <summary>Ends the call with <paramref name="status"/> from the server's side; false when it had already ended.</summary>
    internal bool End(Status status, Metadata trailers) => End(status, trailers, aborted: false);

    /// <summary>Ends the call from the caller's side (see <see cref="IsAborted"/>); false when it had already ended.</summary>
    internal bool Abort(Status status) => End(status, Metadata.Empty, aborted: true);

    private bool End(Status status, Metadata trailers, bool aborted)
    {
        if (Interlocked.CompareExchange(ref _state, Ending, Running) != Running)
        {
            return false;
        }

        _status = status;
        _trailers = trailers;
        _aborted = aborted;
        Volatile.Write(ref _state, Ended);
        _headers.TrySetResult([]);
        if (status.StatusCode != StatusCode.OK)
        {
            // The handler may still run (deadline, cancellation): tell it to stop.
            CancelHandler();
        }

        _onEnded(status, trailers);
        return true;
    }

    /// <summary>Ends the call with the status the handler left in its context.</summary>
    internal bool EndWithContextStatus() => End(Context.Status, Context.ResponseTrailersOrEmpty);

    /// <summary>
    /// Ends a call whose handler returned its one response: the caller gets the response (as its own
    /// type) if the handler left the status OK and this ended the call; otherwise the status stands.
    /// </summary>
    internal void EndWithResponse<THandler, TCaller>(THandler? handlerResponse, Marshaller<THandler> from, Marshaller<TCaller> to, TaskCompletionSource<TCaller> response)
        where THandler : class
    {
        if (handlerResponse is null)
        {
            throw new RpcException(new Status(StatusCode.Internal, "No message returned from method."));
        }

        var callerResponse = InProcessMessages.Convert(handlerResponse, from, to);
        if (Context.Status.StatusCode == StatusCode.OK && EndWithContextStatus())
        {
            response.TrySetResult(callerResponse);
        }
        else
        {
            EndWithContextStatus();
        }
    }

    /// <summary>Response headers go out before the first message at the latest; false when they can't any more.</summary>
    internal void SendHeaders(Metadata headers, bool explicitWrite)
    {
        if (explicitWrite)
        {
            if (_headersSent)
            {
                throw new InvalidOperationException("Response headers can only be sent once per call.");
            }

            if (IsEnded)
            {
                throw new InvalidOperationException("Can't write response headers because the call is complete.");
            }
        }

        _headersSent = true;
        _headers.TrySetResult(headers);
    }

    /// <summary>
    /// The exception a handler's write after the end throws: Grpc.AspNetCore's (HttpContextStreamWriter)
    /// for a finished or aborted request, and DEADLINE_EXCEEDED once the deadline has passed.
    /// </summary>
    internal Exception WriteAfterEnd() => IsDeadlineExceeded
        ? new RpcException(new Status(StatusCode.DeadlineExceeded, "Can't write the message because the deadline has been exceeded."))
        : new InvalidOperationException("Can't write the message because the request is complete.");

    internal void Dispose() => Abort(InProcessStatuses.Disposed);

    private async Task AwaitHandlerAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            OnHandlerFailed(ex);
        }
        finally
        {
            ReleaseRegistrations();
            if (_deadline is not null)
            {
                await _deadline.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private void OnHandlerFailed(Exception exception)
    {
        var method = Context.Method;
        if (IsDeadlineExceeded)
        {
            InProcessLog.HandlerEndedAfterDeadline(_settings.Logger, method);
            return;
        }

        if (exception is RpcException rpcException)
        {
            foreach (var entry in rpcException.Trailers)
            {
                Context.ResponseTrailers.Add(entry);
            }

            InProcessLog.RpcExceptionThrown(_settings.Logger, method, rpcException.StatusCode, rpcException.Status.Detail, rpcException.Status.DebugException);
            End(rpcException.Status, Context.ResponseTrailersOrEmpty);
        }
        else if (exception is OperationCanceledException && _callerToken.IsCancellationRequested)
        {
            InProcessLog.CallCancelledByClient(_settings.Logger, method);
            Abort(InProcessStatuses.CancelledByClient);
        }
        else if (exception is OperationCanceledException && (IsEnded || _settings.ShutdownToken.IsCancellationRequested))
        {
            End(InProcessStatuses.ShuttingDown, Metadata.Empty);
        }
        else
        {
            InProcessLog.HandlerThrew(_settings.Logger, method, exception.GetType().Name);
            // As Grpc.AspNetCore answers an unhandled exception: UNKNOWN, its text only with detailed errors on.
            var detail = _settings.EnableDetailedErrors
                ? $"{InProcessStatuses.HandlerThrew} {DescribeException(exception)}"
                : InProcessStatuses.HandlerThrew;
            End(new Status(StatusCode.Unknown, detail, exception), Context.ResponseTrailersOrEmpty);
        }
    }

    /// <summary>
    /// "Type: message" of the exception and each inner one, space-separated: the text Grpc.AspNetCore
    /// puts in grpc-message with detailed errors on (CommonGrpcProtocolHelpers.ConvertToRpcExceptionMessage).
    /// </summary>
    private static string DescribeException(Exception exception)
    {
        var text = new System.Text.StringBuilder();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(current.GetType().Name).Append(": ").Append(current.Message);
        }

        return text.ToString();
    }

    private Task DeadlineExceededAsync()
    {
        InProcessLog.DeadlineExceeded(_settings.Logger, Context.Method);

        // Cancellation callbacks run inline: leave the timer's lock first.
        ThreadPool.UnsafeQueueUserWorkItem(static call => call.Abort(InProcessStatuses.DeadlineExceeded), this, preferLocal: false);
        return Task.CompletedTask;
    }

    private void CancelHandler()
    {
        try
        {
            _handlerCancellation.Cancel();
        }
        catch (AggregateException)
        {
            // A handler's cancellation callback threw; the call has ended either way.
        }
    }

    private void ReleaseRegistrations()
    {
        _callerRegistration.Dispose();
        _shutdownRegistration.Dispose();
    }
}
