using Google.Protobuf;

namespace JourneyGrpc.Store;

/// <summary>A record as stored: its key, its version (1 on insert, +1 on every write) and the message bytes written.</summary>
public sealed class StoredRecord(string collection, string id, long version, byte[] payload)
{
    /// <summary>The collection, e.g. <c>engagements</c>.</summary>
    public string Collection { get; } = collection;

    /// <summary>The record's id within its collection and tenant.</summary>
    public string Id { get; } = id;

    /// <summary>The version to pass to <see cref="WriteBatch.Update"/> or <see cref="WriteBatch.Delete"/>.</summary>
    public long Version { get; } = version;

    /// <summary>The serialized message, byte for byte as written.</summary>
    public ReadOnlyMemory<byte> Payload { get; } = payload;

    /// <summary>Parses the payload as <typeparamref name="T"/>.</summary>
    public T Parse<T>(MessageParser<T> parser)
        where T : IMessage<T>
    {
        ArgumentNullException.ThrowIfNull(parser);
        return parser.ParseFrom(Payload.Span);
    }
}
