namespace JourneyGrpc.Rpc.Internal;

/// <summary>
/// The response stream of a server- or duplex-streaming call: each message is flushed, unless written
/// with <see cref="WriteFlags.BufferHint"/> (then it waits in the call's buffer for the next flush or the status).
/// </summary>
internal sealed class HttpContextStreamWriter<T>(HttpContextServerCallContext callContext, Marshaller<T> marshaller) : IServerStreamWriter<T>
    where T : class
{
    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(T message) => WriteAsync(message, CancellationToken.None);

    public Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var options = WriteOptions ?? callContext.WriteOptions;
        var flush = options is null || (options.Flags & WriteFlags.BufferHint) == 0;
        var token = cancellationToken.CanBeCanceled ? cancellationToken : callContext.CancellationToken;
        return ResponseWriting.WriteAsync(callContext, marshaller, message, options, flush, token);
    }
}
