using Grpc.Core;

namespace JourneyGrpc.Gateway.Internal.InProcess;

/// <summary>
/// Hands messages between a caller and a handler. For unary calls, when the caller's type is (or is
/// a base of) the handler's, the instance itself is passed: no serialization. Otherwise, and for
/// every streamed message, the message is re-marshalled, as it would be over the wire.
/// </summary>
internal static class InProcessMessages
{
    /// <summary>The same instance when it already has the target type; else a re-marshalled copy.</summary>
    internal static TTo Convert<TFrom, TTo>(TFrom value, Marshaller<TFrom> from, Marshaller<TTo> to) =>
        value is TTo same ? same : Remarshal(value, from, to);

    /// <summary>
    /// A private copy, made through the message's bytes as the wire would make it. Streamed messages
    /// are copied because a handler may write one instance, change it and write it again, which over
    /// the wire is safe; and through bytes because a handler may write fields it encoded once for many
    /// calls as unknown-field bytes, which only parsing turns back into the fields the caller reads.
    /// </summary>
    internal static TTo Copy<TFrom, TTo>(TFrom value, Marshaller<TFrom> from, Marshaller<TTo> to) => Remarshal(value, from, to);

    // The contextual forms: every marshaller has them, and Grpc.Tools' have no other.
    private static TTo Remarshal<TFrom, TTo>(TFrom value, Marshaller<TFrom> from, Marshaller<TTo> to)
    {
        var serialization = new InProcessSerializationContext();
        from.ContextualSerializer(value, serialization);
        return to.ContextualDeserializer(new InProcessDeserializationContext(serialization.Payload));
    }
}
