using Google.Protobuf.WellKnownTypes;

namespace JourneyGrpc.Rpc.Tests.Infrastructure;

/// <summary>Methods on BytesValue messages for tests that bind handlers at run time.</summary>
internal static class TestMethods
{
    internal const string ServiceName = "test.v1.TestService";

    internal static readonly Marshaller<BytesValue> Marshaller = Marshallers.ForMessage(BytesValue.Parser);

    internal static Method<BytesValue, BytesValue> Create(MethodType type, string name) => new(type, ServiceName, name, Marshaller, Marshaller);
}
