using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace JourneyGrpc.Gateway.Internal.Binding;

/// <summary>New, empty messages from their descriptors.</summary>
internal static class MessageFactory
{
    internal static IMessage Create(MessageDescriptor descriptor) => descriptor.Parser.ParseFrom(ReadOnlySpan<byte>.Empty);
}
