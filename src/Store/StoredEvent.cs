using Google.Protobuf;

namespace JourneyGrpc.Store;

/// <summary>One event of a log: its sequence (1, 2, 3… per log, no gaps), when it was appended, and the message bytes.</summary>
public sealed class StoredEvent(long sequence, DateTimeOffset appendedAt, byte[] payload)
{
    /// <summary>The event's position in its log; resume a read after it.</summary>
    public long Sequence { get; } = sequence;

    /// <summary>When the write that appended it was applied (millisecond precision).</summary>
    public DateTimeOffset AppendedAt { get; } = appendedAt;

    /// <summary>The serialized message, byte for byte as appended.</summary>
    public ReadOnlyMemory<byte> Payload { get; } = payload;

    /// <summary>Parses the payload as <typeparamref name="T"/>.</summary>
    public T Parse<T>(MessageParser<T> parser)
        where T : IMessage<T>
    {
        ArgumentNullException.ThrowIfNull(parser);
        return parser.ParseFrom(Payload.Span);
    }
}
