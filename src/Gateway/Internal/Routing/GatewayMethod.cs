using Google.Protobuf;
using Google.Protobuf.Reflection;
using JourneyGrpc.Gateway.Internal.Json;
using JourneyGrpc.Rpc;

namespace JourneyGrpc.Gateway.Internal.Routing;

/// <summary>What every route of one gRPC method shares: the call description, its invoker, options, JSON writer and event-id fields.</summary>
internal sealed class GatewayMethod(MethodDescriptor descriptor, Method<IMessage, IMessage> rpc, CallInvoker invoker, MethodRestOptions options, ProtoJsonWriter json, EventIdFields eventIds)
{
    internal MethodDescriptor Descriptor { get; } = descriptor;

    /// <summary>The method with marshallers from its descriptors, so any invoker can run it.</summary>
    internal Method<IMessage, IMessage> Rpc { get; } = rpc;

    internal CallInvoker Invoker { get; } = invoker;

    internal MethodRestOptions Options { get; } = options;

    internal ProtoJsonWriter Json { get; } = json;

    /// <summary>The server-sent-events resume fields (<c>sse_event_id</c>, <c>last_event_id</c>).</summary>
    internal EventIdFields EventIds { get; } = eventIds;

    internal static Method<IMessage, IMessage> CreateRpc(MethodDescriptor descriptor) => new(
        descriptor.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary,
        descriptor.Service.FullName,
        descriptor.Name,
        CreateMarshaller(descriptor.InputType),
        CreateMarshaller(descriptor.OutputType));

    private static Marshaller<IMessage> CreateMarshaller(MessageDescriptor type) => new(
        static message => message.CalculateSize(),
        static (message, writer) => message.WriteTo(writer),
        sequence => type.Parser.ParseFrom(sequence));
}
