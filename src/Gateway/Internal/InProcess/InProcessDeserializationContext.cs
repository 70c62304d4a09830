using System.Buffers;
using Grpc.Core;

namespace JourneyGrpc.Gateway.Internal.InProcess;

/// <summary>The bytes of one message copied in-process, as a contextual deserializer reads them.</summary>
internal sealed class InProcessDeserializationContext(ReadOnlyMemory<byte> payload) : DeserializationContext
{
    public override int PayloadLength => payload.Length;

    public override byte[] PayloadAsNewBuffer() => payload.ToArray();

    public override ReadOnlySequence<byte> PayloadAsReadOnlySequence() => new(payload);
}
