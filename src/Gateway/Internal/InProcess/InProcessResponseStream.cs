using Grpc.Core;
using System.Threading.Channels;

namespace JourneyGrpc.Gateway.Internal.InProcess;

/// <summary>
/// The response stream of an in-process call: the handler's writer and the caller's reader over
/// one small bounded channel, so a slow reader holds the handler back as HTTP/2 flow control would.
/// </summary>
internal sealed class InProcessResponseStream<THandler, TCaller>(InProcessCall call, Marshaller<THandler> handlerMarshaller, Marshaller<TCaller> callerMarshaller)
    : IServerStreamWriter<THandler>, IAsyncStreamReader<TCaller>
    where THandler : class
    where TCaller : class
{
    private const int Capacity = 8;

    private readonly Channel<TCaller> _channel = Channel.CreateBounded<TCaller>(new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = true });
    private TCaller? _current;

    public WriteOptions? WriteOptions { get; set; }

    public TCaller Current => _current ?? throw new InvalidOperationException("No current message: call MoveNext first.");

    public Task WriteAsync(THandler message) => WriteAsync(message, CancellationToken.None);

    public async Task WriteAsync(THandler message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (call.IsEnded)
        {
            throw call.WriteAfterEnd();
        }

        call.SendHeaders([], explicitWrite: false);
        var copy = InProcessMessages.Copy(message, handlerMarshaller, callerMarshaller);
        try
        {
            await _channel.Writer.WriteAsync(copy, cancellationToken.CanBeCanceled ? cancellationToken : call.Context.CancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw call.WriteAfterEnd();
        }
    }

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        // As over HTTP/2: cancelling a read cancels the call (at once when the token already is).
        using var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((InProcessCall)state!).Abort(InProcessStatuses.CancelledByClient), call)
            : default;
        while (!call.IsAborted && await _channel.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (!call.IsAborted && _channel.Reader.TryRead(out var message))
            {
                _current = message;
                return true;
            }
        }

        // The channel completes only once the call has ended, so its status is there.
        _current = null;
        return call.GetStatus().StatusCode == StatusCode.OK ? false : throw call.CreateException();
    }

    /// <summary>No more messages: the reader drains what was written, then sees the status.</summary>
    internal void Complete() => _channel.Writer.TryComplete();
}
