using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace JourneyGrpc.Server.Tests.Hosting.Infrastructure;

/// <summary>The methods of <see cref="ProbeService"/>: one of each call kind, and handlers that hold, stream or fail.</summary>
internal static class ProbeMethods
{
    internal const string ServiceName = "journeygrpc.tests.v1.ProbeService";

    private static readonly Marshaller<StringValue> Text = Marshallers.Create(message => message.ToByteArray(), StringValue.Parser.ParseFrom);

    /// <summary>Unary: waits until the test releases it, then says whether its token was cancelled.</summary>
    internal static readonly Method<StringValue, StringValue> Hold = Create(MethodType.Unary, nameof(Hold));

    /// <summary>Unary: throws an exception whose text must not reach the client.</summary>
    internal static readonly Method<StringValue, StringValue> Fail = Create(MethodType.Unary, nameof(Fail));

    /// <summary>Unary: INVALID_ARGUMENT with a BadRequest, through <c>RichStatus</c>.</summary>
    internal static readonly Method<StringValue, StringValue> Reject = Create(MethodType.Unary, nameof(Reject));

    /// <summary>Server streaming: echoes the request, then waits on its token and throws when it fires.</summary>
    internal static readonly Method<StringValue, StringValue> Stream = Create(MethodType.ServerStreaming, nameof(Stream));

    /// <summary>Server streaming: echoes the request, then waits on its token and returns normally when it fires.</summary>
    internal static readonly Method<StringValue, StringValue> StreamUntilCancelled = Create(MethodType.ServerStreaming, nameof(StreamUntilCancelled));

    /// <summary>Server streaming: echoes the request, then throws an exception whose text must not reach the client.</summary>
    internal static readonly Method<StringValue, StringValue> StreamThenFail = Create(MethodType.ServerStreaming, nameof(StreamThenFail));

    /// <summary>Client streaming: counts the messages it reads with its token.</summary>
    internal static readonly Method<StringValue, StringValue> Collect = Create(MethodType.ClientStreaming, nameof(Collect));

    /// <summary>Duplex streaming: echoes every message it reads with its token.</summary>
    internal static readonly Method<StringValue, StringValue> Chat = Create(MethodType.DuplexStreaming, nameof(Chat));

    /// <summary>Every method above.</summary>
    internal static IReadOnlyList<IMethod> All => [Hold, Fail, Reject, Stream, StreamUntilCancelled, StreamThenFail, Collect, Chat];

    private static Method<StringValue, StringValue> Create(MethodType type, string name) => new(type, ServiceName, name, Text, Text);
}
