using System.Buffers;
using Grpc.Core;

namespace JourneyGrpc.Gateway.Internal.InProcess;

/// <summary>
/// Where a marshaller writes one message that is copied in-process. Grpc.Tools generates contextual
/// marshallers only (the size first, then the message into a buffer writer); their plain
/// <see cref="Marshaller{T}.Serializer"/> throws <see cref="NotImplementedException"/>.
/// </summary>
internal sealed class InProcessSerializationContext : SerializationContext
{
    private ArrayBufferWriter<byte>? _buffer;
    private byte[]? _payload;

    /// <summary>The bytes written, whichever way the marshaller wrote them.</summary>
    internal ReadOnlyMemory<byte> Payload => _payload ?? (_buffer is null ? ReadOnlyMemory<byte>.Empty : _buffer.WrittenMemory);

    public override void Complete(byte[] payload) => _payload = payload;

    // ArrayBufferWriter needs a positive capacity; an empty message writes nothing into it.
    public override void SetPayloadLength(int payloadLength) => _buffer ??= new ArrayBufferWriter<byte>(Math.Max(payloadLength, 1));

    public override IBufferWriter<byte> GetBufferWriter() => _buffer ??= new ArrayBufferWriter<byte>();

    public override void Complete()
    {
    }
}
