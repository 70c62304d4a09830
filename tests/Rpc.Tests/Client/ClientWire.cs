using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Pipelines;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Rpc.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace JourneyGrpc.Rpc.Tests.Client;

/// <summary>
/// Server-side wire helpers for raw Kestrel handlers: the client under test meets exact bytes,
/// headers and trailers written here, never our own server code.
/// </summary>
internal static class ClientWire
{
    internal static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    internal static BytesValue Bytes(string text) => new() { Value = ByteString.CopyFromUtf8(text) };

    internal static BytesValue Bytes(int length) => new() { Value = ByteString.CopyFrom(Enumerable.Range(0, length).Select(i => (byte)i).ToArray()) };

    /// <summary>Sends 200 + content-type application/grpc now, before any message.</summary>
    internal static async Task StartAsync(HttpResponse response, string? encoding = null)
    {
        response.ContentType = "application/grpc";
        if (encoding is not null)
        {
            response.Headers["grpc-encoding"] = encoding;
        }

        // StartAsync makes the headers final; on HTTP/2 only a flush puts them on the wire.
        await response.StartAsync();
        await response.Body.FlushAsync();
    }

    internal static async Task WriteAsync(HttpResponse response, byte[] bytes)
    {
        await response.Body.WriteAsync(bytes);
        await response.Body.FlushAsync();
    }

    internal static Task WriteMessageAsync(HttpResponse response, IMessage message) => WriteAsync(response, RawGrpc.Frame(message));

    /// <summary>A Trailers-Only response: one HEADERS frame with the status and END_STREAM.</summary>
    internal static void TrailersOnly(HttpResponse response, string status, string? encodedMessage = null)
    {
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = status;
        if (encodedMessage is not null)
        {
            response.Headers["grpc-message"] = encodedMessage;
        }
    }

    /// <summary>Holds the handler open until the client resets the stream (a completion that never comes otherwise).</summary>
    internal static async Task WaitForAbortAsync(HttpContext context)
    {
        var never = new TaskCompletionSource();
        try
        {
            await never.Task.WaitAsync(context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    }

    internal static byte[] Gzip(byte[] payload)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(payload);
        }

        return output.ToArray();
    }

    internal static byte[] Gunzip(byte[] payload)
    {
        using var input = new GZipStream(new MemoryStream(payload), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>Reads one request message off the body, or null at the end of the request stream.</summary>
    internal static async Task<(bool Compressed, byte[] Payload)?> ReadFrameAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length >= 5)
            {
                var prefix = buffer.Slice(0, 5).ToArray();
                var length = BinaryPrimitives.ReadUInt32BigEndian(prefix.AsSpan(1));
                if (buffer.Length >= 5 + length)
                {
                    var payload = buffer.Slice(5, length).ToArray();
                    reader.AdvanceTo(buffer.GetPosition(5 + length));
                    return (prefix[0] == 1, payload);
                }
            }

            if (result.IsCompleted)
            {
                reader.AdvanceTo(buffer.End);
                return null;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    internal static async Task<List<(bool Compressed, byte[] Payload)>> ReadFramesAsync(HttpRequest request)
    {
        var frames = new List<(bool, byte[])>();
        while (await ReadFrameAsync(request.BodyReader, request.HttpContext.RequestAborted) is { } frame)
        {
            frames.Add(frame);
        }

        return frames;
    }
}
