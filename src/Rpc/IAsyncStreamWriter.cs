namespace JourneyGrpc.Rpc;

/// <summary>Writes a stream of messages. Only one write may be pending at a time.</summary>
public interface IAsyncStreamWriter<in T>
{
    /// <summary>Options for the following writes.</summary>
    WriteOptions? WriteOptions { get; set; }

    /// <summary>Writes one message.</summary>
    Task WriteAsync(T message);

    /// <summary>Writes one message, observing <paramref name="cancellationToken"/>.</summary>
    Task WriteAsync(T message, CancellationToken cancellationToken);
}
