using JourneyGrpc.Rpc.Internal;
using JourneyGrpc.Rpc.Internal.Client;

namespace JourneyGrpc.Rpc.InProcess.Internal;

/// <summary>
/// One in-process call: the server-side context, and the caller-side view of headers, status and
/// trailers. The first of handler completion, handler failure, the deadline, caller cancellation
/// and disposal ends the call; later ones are ignored, as on the wire.
/// </summary>
internal sealed class InProcessCall
{
    private static readonly Status ShutdownStatus = new(StatusCode.Unavailable, "Server is shutting down.");

    private readonly TaskCompletionSource<Metadata> _headers = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _handlerCancellation = new();
    private readonly ServerCallSettings _settings;
    private readonly CancellationToken _callerToken;
    private readonly Action<Status, Metadata> _onEnded;
    private CancellationTokenRegistration _callerRegistration;
    private CancellationTokenRegistration _shutdownRegistration;
    private ServerCallDeadline? _deadline;
    private Status _status;
    private Metadata _trailers = Metadata.Empty;
    private int _ended;
    private bool _headersSent;

    internal InProcessCall(IMethod method, CallOptions options, ServerCallSettings settings, bool streaming, Action<Status, Metadata> onEnded)
    {
        _settings = settings;
        _callerToken = options.CancellationToken;
        _onEnded = onEnded;
        var deadline = options.Deadline ?? DateTime.MaxValue;
        Context = new InProcessServerCallContext(this, method.FullName, options.Headers ?? [], deadline, _handlerCancellation.Token);
        if (deadline != DateTime.MaxValue)
        {
            var timeout = deadline - settings.TimeProvider.GetUtcNow().UtcDateTime;
            _deadline = new ServerCallDeadline(settings.TimeProvider, timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero, DeadlineExceededAsync);
        }

        if (_callerToken.CanBeCanceled)
        {
            _callerRegistration = _callerToken.UnsafeRegister(static state => ((InProcessCall)state!).End(ClientStatuses.CancelledByClient, Metadata.Empty), this);
        }

        if (streaming)
        {
            // Open streams end with UNAVAILABLE at shutdown; unary calls are left to finish (as over HTTP/2).
            _shutdownRegistration = settings.ShutdownToken.UnsafeRegister(static state => ((InProcessCall)state!).End(ShutdownStatus, Metadata.Empty), this);
        }
    }

    internal InProcessServerCallContext Context { get; }

    internal Task<Metadata> ResponseHeadersAsync => _headers.Task;

    internal bool IsEnded => Volatile.Read(ref _ended) != 0;

    internal bool IsDeadlineExceeded => _deadline?.IsExpired == true;

    internal Status GetStatus() => IsEnded ? _status : throw new InvalidOperationException("Unable to get the status because the call is not complete.");

    internal Metadata GetTrailers() => IsEnded ? _trailers : throw new InvalidOperationException("Can't get the call trailers because the call has not completed successfully.");

    internal RpcException CreateException() => new(_status, _trailers);

    /// <summary>Runs the handler; every way it can end becomes the call's status.</summary>
    internal Task RunAsync(Func<Task> handler)
    {
        Task task;
        try
        {
            task = handler();
        }
        catch (Exception ex)
        {
            task = Task.FromException(ex);
        }

        if (task.IsCompletedSuccessfully && _deadline is null)
        {
            ReleaseRegistrations();
            return Task.CompletedTask;
        }

        return AwaitHandlerAsync(task);
    }

    /// <summary>Ends the call with <paramref name="status"/>; false when it had already ended.</summary>
    internal bool End(Status status, Metadata trailers)
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return false;
        }

        _status = status;
        _trailers = trailers;
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

    /// <summary>The exception a write after the end throws, as <c>ResponseWriting</c> does over HTTP/2.</summary>
    internal Exception WriteAfterEnd() => IsDeadlineExceeded
        ? new RpcException(new Status(StatusCode.DeadlineExceeded, "Can't write the message because the deadline has been exceeded."))
        : new InvalidOperationException("Can't write the message because the call is complete.");

    internal void Dispose() => End(ClientStatuses.Disposed, Metadata.Empty);

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
            RpcServerLog.HandlerEndedAfterDeadline(_settings.Logger, method);
            return;
        }

        if (exception is RpcException rpcException)
        {
            foreach (var entry in rpcException.Trailers)
            {
                Context.ResponseTrailers.Add(entry);
            }

            RpcServerLog.RpcExceptionThrown(_settings.Logger, method, rpcException.StatusCode, rpcException.Status.Detail, rpcException.Status.DebugException);
            End(rpcException.Status, Context.ResponseTrailersOrEmpty);
        }
        else if (exception is OperationCanceledException && _callerToken.IsCancellationRequested)
        {
            RpcServerLog.CallCancelledByClient(_settings.Logger, method);
            End(ClientStatuses.CancelledByClient, Metadata.Empty);
        }
        else if (exception is OperationCanceledException && (IsEnded || _settings.ShutdownToken.IsCancellationRequested))
        {
            End(ShutdownStatus, Metadata.Empty);
        }
        else
        {
            RpcServerLog.HandlerThrew(_settings.Logger, method, exception);
            var detail = _settings.Options.EnableDetailedErrors
                ? $"Exception was thrown by handler. {exception.GetType().Name}: {exception.Message}"
                : "Exception was thrown by handler.";
            End(new Status(StatusCode.Internal, detail, exception), Context.ResponseTrailersOrEmpty);
        }
    }

    private Task DeadlineExceededAsync()
    {
        RpcServerLog.DeadlineExceeded(_settings.Logger, Context.Method);

        // Cancellation callbacks run inline: leave the timer's lock first.
        ThreadPool.UnsafeQueueUserWorkItem(static call => call.End(ClientStatuses.DeadlineExceeded, Metadata.Empty), this, preferLocal: false);
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
