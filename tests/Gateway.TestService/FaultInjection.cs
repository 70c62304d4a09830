using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Gateway.TestService.V1;

namespace JourneyGrpc.Gateway.TestService;

/// <summary>
/// Failures on the server that no gRPC status describes: an exception whose text must never reach a REST
/// client, and a response the gateway cannot write. Every test service fails this way on request.
/// </summary>
public static class FaultInjection
{
    /// <summary>In every injected exception's message (and an inner one's), so a test can tell it leaked.</summary>
    public const string Secret = "fault-secret-7f3a";

    /// <summary>What a request field says to make a handler throw.</summary>
    public const string ThrowTrigger = "throw";

    /// <summary>The type name of an <see cref="Any"/> no gateway's type registry knows: JSON writing fails on it.</summary>
    public const string UnknownTypeName = "journeygrpc.gatewaytest.v1.Unregistered" + Secret;

    public static Exception Exception() =>
        new InvalidOperationException($"Injected failure {Secret}.", new FormatException($"Inner injected failure {Secret}."));

    /// <summary>A response that the gateway's JSON writer refuses: an Any whose type it cannot resolve.</summary>
    public static FaultResponse Unwritable(int n) =>
        new() { N = n, Payload = new Any { TypeUrl = "type.googleapis.com/" + UnknownTypeName, Value = ByteString.CopyFromUtf8(Secret) } };
}
