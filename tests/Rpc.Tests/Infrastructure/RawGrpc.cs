using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace JourneyGrpc.Rpc.Tests.Infrastructure;

/// <summary>
/// gRPC calls written by hand on HttpClient, so server behaviour is checked on the wire rather
/// than through our own client.
/// </summary>
internal static class RawGrpc
{
    internal static HttpClient CreateClient(Uri address) => new(new SocketsHttpHandler { EnableMultipleHttp2Connections = true })
    {
        BaseAddress = address,
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = TimeSpan.FromSeconds(30),
    };

    internal static byte[] Frame(IMessage message, bool compressedFlag = false) => Frame(message.ToByteArray(), compressedFlag);

    internal static byte[] Frame(byte[] payload, bool compressedFlag = false)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = compressedFlag ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    internal static HttpRequestMessage Request(string path, byte[] body, string contentType = "application/grpc", Version? version = null)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = content,
            Version = version ?? HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.TryAddWithoutValidation("te", "trailers");
        return request;
    }

    /// <summary>Splits a response body into its messages.</summary>
    internal static List<(bool Compressed, byte[] Payload)> ReadFrames(byte[] body)
    {
        var frames = new List<(bool, byte[])>();
        var offset = 0;
        while (offset < body.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(offset + 1));
            frames.Add((body[offset] == 1, body.AsSpan(offset + 5, length).ToArray()));
            offset += 5 + length;
        }

        return frames;
    }

    /// <summary>grpc-status from the trailers, or from the headers of a Trailers-Only response.</summary>
    internal static string? GrpcStatus(HttpResponseMessage response) => Header(response, "grpc-status");

    internal static string? GrpcMessage(HttpResponseMessage response) => Header(response, "grpc-message");

    internal static string? Header(HttpResponseMessage response, string name) =>
        response.TrailingHeaders.TryGetValues(name, out var trailing) ? trailing.Single()
        : response.Headers.TryGetValues(name, out var values) ? values.Single()
        : null;
}
