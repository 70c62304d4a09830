using Google.Protobuf;

namespace JourneyGrpc.Rpc;

/// <summary>Factory for marshallers.</summary>
public static class Marshallers
{
    /// <summary>A marshaller for a protobuf message type (used by generated code).</summary>
    public static Marshaller<T> ForMessage<T>(MessageParser<T> parser)
        where T : IMessage<T>
    {
        ArgumentNullException.ThrowIfNull(parser);
        return new Marshaller<T>(
            static message => message.CalculateSize(),
            static (message, writer) => message.WriteTo(writer),
            parser.ParseFrom,
            static (message, span) => message.WriteTo(span));
    }
}
