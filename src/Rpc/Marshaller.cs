using System.Buffers;

namespace JourneyGrpc.Rpc;

/// <summary>Turns messages of <typeparamref name="T"/> into bytes and back.</summary>
public sealed class Marshaller<T>
{
    /// <summary>Creates a marshaller from its three operations.</summary>
    /// <param name="calculateSize">The exact serialized size of a message.</param>
    /// <param name="serializer">Writes exactly <paramref name="calculateSize"/> bytes of a message.</param>
    /// <param name="deserializer">Parses a whole message; throws on malformed input.</param>
    public Marshaller(Func<T, int> calculateSize, Action<T, IBufferWriter<byte>> serializer, Func<ReadOnlySequence<byte>, T> deserializer)
    {
        CalculateSize = calculateSize ?? throw new ArgumentNullException(nameof(calculateSize));
        Serializer = serializer ?? throw new ArgumentNullException(nameof(serializer));
        Deserializer = deserializer ?? throw new ArgumentNullException(nameof(deserializer));
    }

    internal Marshaller(Func<T, int> calculateSize, Action<T, IBufferWriter<byte>> serializer, Func<ReadOnlySequence<byte>, T> deserializer, Action<T, Span<byte>> exactSpanSerializer)
        : this(calculateSize, serializer, deserializer)
    {
        ExactSpanSerializer = exactSpanSerializer;
    }

    /// <summary>The exact serialized size of a message.</summary>
    public Func<T, int> CalculateSize { get; }

    /// <summary>Writes a message.</summary>
    public Action<T, IBufferWriter<byte>> Serializer { get; }

    /// <summary>Parses a message.</summary>
    public Func<ReadOnlySequence<byte>, T> Deserializer { get; }

    /// <summary>
    /// Writes a message into a span of exactly its <see cref="CalculateSize"/> bytes, when the
    /// marshaller can (protobuf messages): one contiguous write instead of a buffer-writer loop.
    /// </summary>
    internal Action<T, Span<byte>>? ExactSpanSerializer { get; }
}
