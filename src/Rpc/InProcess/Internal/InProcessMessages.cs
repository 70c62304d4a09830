using System.Buffers;
using Google.Protobuf;

namespace JourneyGrpc.Rpc.InProcess.Internal;

/// <summary>
/// Hands messages between a caller and a handler. When the caller's type is (or is a base of) the
/// handler's, the instance itself is passed: no serialization. Otherwise the message is
/// re-marshalled, as it would be over the wire.
/// </summary>
internal static class InProcessMessages
{
    /// <summary>The same instance when it already has the target type; else a re-marshalled copy.</summary>
    internal static TTo Convert<TFrom, TTo>(TFrom value, Marshaller<TFrom> from, Marshaller<TTo> to) =>
        value is TTo same ? same : Remarshal(value, from, to);

    /// <summary>
    /// A private copy. Streamed messages are copied because a handler may write one instance,
    /// change it and write it again, which over the wire is safe.
    /// </summary>
    internal static TTo Copy<TFrom, TTo>(TFrom value, Marshaller<TFrom> from, Marshaller<TTo> to) =>
        value is IDeepCloneable<TFrom> cloneable && cloneable.Clone() is TTo copy ? copy : Remarshal(value, from, to);

    private static TTo Remarshal<TFrom, TTo>(TFrom value, Marshaller<TFrom> from, Marshaller<TTo> to)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Max(1, from.CalculateSize(value)));
        from.Serializer(value, buffer);
        return to.Deserializer(new ReadOnlySequence<byte>(buffer.WrittenMemory));
    }
}
