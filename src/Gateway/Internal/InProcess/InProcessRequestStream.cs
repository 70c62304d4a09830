using Grpc.Core;
using System.Threading.Channels;

namespace JourneyGrpc.Gateway.Internal.InProcess;

/// <summary>The request stream of an in-process call: the caller's writer and the handler's reader.</summary>
internal sealed class InProcessRequestStream<TCaller, THandler>(InProcessCall call, Marshaller<TCaller> callerMarshaller, Marshaller<THandler> handlerMarshaller)
    : IClientStreamWriter<TCaller>, IAsyncStreamReader<THandler>
    where TCaller : class
    where THandler : class
{
    private const int Capacity = 8;

    private readonly Channel<THandler> _channel = Channel.CreateBounded<THandler>(new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = true });
    private THandler? _current;
    private bool _completed;

    public WriteOptions? WriteOptions { get; set; }

    public THandler Current => _current ?? throw new InvalidOperationException("No current message: call MoveNext first.");

    public Task WriteAsync(TCaller message) => WriteAsync(message, CancellationToken.None);

    public async Task WriteAsync(TCaller message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_completed)
        {
            throw new InvalidOperationException("Request stream has already been completed.");
        }

        if (call.IsEnded)
        {
            throw EndedException();
        }

        var copy = InProcessMessages.Copy(message, callerMarshaller, handlerMarshaller);
        try
        {
            await _channel.Writer.WriteAsync(copy, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw EndedException();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A channel completed with an OperationCanceledException (see Complete) throws that one to writers too.
            throw EndedException();
        }
    }

    public Task CompleteAsync()
    {
        _completed = true;
        _channel.Writer.TryComplete();
        return Task.CompletedTask;
    }

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (await _channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false) && _channel.Reader.TryRead(out var message))
        {
            _current = message;
            return true;
        }

        _current = null;
        return false;
    }

    /// <summary>
    /// No more messages. When the call ended with an error (the caller cancelled, the deadline passed,
    /// the server is stopping) the handler's reads fail once it has read what was written, as reading an
    /// aborted request fails in Grpc.AspNetCore, rather than look like a request stream the caller completed.
    /// </summary>
    internal void Complete(Status status) => _channel.Writer.TryComplete(
        status.StatusCode == StatusCode.OK ? null : new OperationCanceledException($"The call ended with {status.StatusCode}: {status.Detail}"));

    private Exception EndedException() => call.GetStatus().StatusCode == StatusCode.OK
        ? new InvalidOperationException("Can't write the message because the call is complete.")
        : call.CreateException();
}
