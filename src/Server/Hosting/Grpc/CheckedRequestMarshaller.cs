using Google.Protobuf;
using Grpc.Core;

namespace JourneyGrpc.Server.Hosting.Grpc;

/// <summary>
/// A request marshaller whose failure to read the message is INTERNAL "Failed to deserialize message …" naming the
/// message and why (as grpc-go and grpc-java answer), instead of an UNKNOWN handler exception.
/// </summary>
internal static class CheckedRequestMarshaller
{
    internal static Marshaller<T> Wrap<T>(Marshaller<T> marshaller, string messageName) => new(
        marshaller.ContextualSerializer,
        context =>
        {
            try
            {
                return marshaller.ContextualDeserializer(context);
            }
            catch (InvalidProtocolBufferException ex)
            {
                throw new RpcException(new Status(StatusCode.Internal, $"Failed to deserialize message {messageName}: {ex.Message}"));
            }
        });
}
