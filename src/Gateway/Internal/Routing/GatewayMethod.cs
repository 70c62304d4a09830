using Google.Protobuf;
using Google.Protobuf.Reflection;
using JourneyGrpc.Gateway.Internal.Json;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace JourneyGrpc.Gateway.Internal.Routing;

/// <summary>What every route of one gRPC method shares: the call description, its invoker, options, JSON writer and event-id fields.</summary>
internal sealed class GatewayMethod(MethodDescriptor descriptor, Method<IMessage, IMessage> rpc, Func<HttpContext, CallInvoker> invokerFactory, MethodRestOptions options, ProtoJsonWriter json, EventIdFields eventIds)
{
    internal MethodDescriptor Descriptor { get; } = descriptor;

    /// <summary>The name of the method's gRPC span: <c>package.Service/Method</c> (RPC semantic conventions).</summary>
    internal string ActivityName { get; } = descriptor.Service.FullName + "/" + descriptor.Name;

    /// <summary>True when the call goes to an upstream server, false when it runs in this process.</summary>
    internal bool Forwarded { get; init; }

    /// <summary>The method with marshallers from its descriptors, so any invoker can run it.</summary>
    internal Method<IMessage, IMessage> Rpc { get; } = rpc;

    /// <summary>The invoker of this method's calls on behalf of one REST request.</summary>
    internal Func<HttpContext, CallInvoker> InvokerFor { get; } = invokerFactory;

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

    // The contextual form Grpc.Tools generates: the size first, then the message straight into the call's buffer.
    private static Marshaller<IMessage> CreateMarshaller(MessageDescriptor type) => new(
        static (message, context) =>
        {
            context.SetPayloadLength(message.CalculateSize());
            message.WriteTo(context.GetBufferWriter());
            context.Complete();
        },
        context => type.Parser.ParseFrom(context.PayloadAsReadOnlySequence()));
}
