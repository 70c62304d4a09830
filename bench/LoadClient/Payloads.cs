using Google.Protobuf;

namespace JourneyGrpc.Bench.LoadClient;

/// <summary>The payload bytes; the same pattern as the h2load bodies written by bench/unary-echo.sh.</summary>
internal static class Payloads
{
    public static ByteString Create(int size)
    {
        var bytes = new byte[size];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = unchecked((byte)((i * 7) + 1));
        }

        return ByteString.CopyFrom(bytes);
    }
}
