using System.Buffers;

namespace JourneyGrpc.Rpc.Internal.Client;

/// <summary>
/// The request stream of a client- or duplex-streaming call: one pending write at a time, each
/// message framed and flushed (unless <see cref="WriteFlags.BufferHint"/>) as it is written.
/// </summary>
internal sealed class HttpContentClientStreamWriter<TRequest, TResponse>(HttpClientCall<TRequest, TResponse> call, StreamingRequestContent content) : IClientStreamWriter<TRequest>
    where TRequest : class
    where TResponse : class
{
    private readonly Lock _lock = new();
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private Task _lastWrite = Task.CompletedTask;
    private bool _completed;

    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(TRequest message) => WriteAsync(message, CancellationToken.None);

    public Task WriteAsync(TRequest message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_lock)
        {
            if (_completed)
            {
                return Task.FromException(new InvalidOperationException("Can't write the message because the request stream is complete."));
            }

            if (!_lastWrite.IsCompleted)
            {
                return Task.FromException(new InvalidOperationException("Can't write the message because the previous write is in progress."));
            }

            if (call.IsEnded)
            {
                return Task.FromException(call.EndedException(new InvalidOperationException("Can't write the message because the call is complete.")));
            }

            return _lastWrite = WriteCoreAsync(message, cancellationToken);
        }
    }

    public Task CompleteAsync()
    {
        lock (_lock)
        {
            if (!_lastWrite.IsCompleted)
            {
                return Task.FromException(new InvalidOperationException("Can't complete the request stream because the previous write is in progress."));
            }

            _completed = true;
        }

        // SerializeToStreamAsync returns and the handler ends the body with END_STREAM.
        content.Complete();
        return Task.CompletedTask;
    }

    private async Task WriteCoreAsync(TRequest message, CancellationToken cancellationToken)
    {
        // Reusing one buffer is safe: a write is never started while the previous one is pending.
        _buffer.ResetWrittenCount();
        try
        {
            MessageFraming.WriteMessage(_buffer, message, call.RequestMarshaller, call.GetWriteSettings(WriteOptions));
        }
        catch (RpcException ex)
        {
            // Over the send limit: RESOURCE_EXHAUSTED is the call's status.
            call.Cancel(ex.Status);
            throw call.EndedException(ex);
        }

        using var registration = call.RegisterCancellation(cancellationToken);
        try
        {
            var stream = await content.GetStreamAsync().ConfigureAwait(false);
            await stream.WriteAsync(_buffer.WrittenMemory, call.CallToken).ConfigureAwait(false);
            if ((call.GetWriteFlags(WriteOptions) & WriteFlags.BufferHint) == 0)
            {
                await stream.FlushAsync(call.CallToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            throw call.OnWriteFailed(ex);
        }
    }
}
