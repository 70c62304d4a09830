using Google.Protobuf;
using JourneyGrpc.Bench.V1;

namespace JourneyGrpc.Rpc.Benchmarks;

/// <summary>One length-prefixed EchoRequest, as h2load sends it in bench/unary-echo.sh.</summary>
internal static class RequestFrame
{
    internal static byte[] Create(int payloadSize)
    {
        var message = new EchoRequest { Payload = ByteString.CopyFrom(new byte[payloadSize]) }.ToByteArray();
        var frame = new byte[5 + message.Length];
        frame[1] = (byte)(message.Length >> 24);
        frame[2] = (byte)(message.Length >> 16);
        frame[3] = (byte)(message.Length >> 8);
        frame[4] = (byte)message.Length;
        message.CopyTo(frame, 5);
        return frame;
    }
}
