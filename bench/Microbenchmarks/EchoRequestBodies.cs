using System.Text;
using Google.Protobuf;
using JourneyGrpc.Bench.V1;

namespace JourneyGrpc.Bench.Microbenchmarks;

/// <summary>The request body of one echo call, as the load scripts send it (payload of zeros here).</summary>
internal static class EchoRequestBodies
{
    /// <summary>A length-prefixed EchoRequest, as h2load sends it in bench/unary-echo.sh.</summary>
    internal static byte[] GrpcFrame(int payloadSize)
    {
        var message = new EchoRequest { Payload = Payload(payloadSize) }.ToByteArray();
        var frame = new byte[5 + message.Length];
        frame[1] = (byte)(message.Length >> 24);
        frame[2] = (byte)(message.Length >> 16);
        frame[3] = (byte)(message.Length >> 8);
        frame[4] = (byte)message.Length;
        message.CopyTo(frame, 5);
        return frame;
    }

    /// <summary>The same request as bench/gateway.sh posts to <c>/v1/echo</c>: <c>{"payload":"&lt;base64&gt;"}</c>.</summary>
    internal static byte[] Json(int payloadSize) =>
        Encoding.UTF8.GetBytes($$"""{"payload":"{{Payload(payloadSize).ToBase64()}}"}""");

    private static ByteString Payload(int size) => ByteString.CopyFrom(new byte[size]);
}
