using System.Buffers;
using System.IO.Compression;

namespace JourneyGrpc.Rpc.Internal;

/// <summary>gzip for single messages: a fresh context per message (PROTOCOL-HTTP2.md, "Compression").</summary>
internal static class GzipMessageCompression
{
    private static readonly Status DecompressedTooLarge = new(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size.");
    private static readonly Status DecompressFailed = new(StatusCode.Internal, "Failed to decompress message.");

    internal static void Compress(ReadOnlySpan<byte> payload, ArrayBufferWriter<byte> destination, CompressionLevel level)
    {
        using var output = new BufferWriterStream(destination);
        using (var gzip = new GZipStream(output, level, leaveOpen: true))
        {
            gzip.Write(payload);
        }
    }

    /// <summary>Inflates <paramref name="payload"/>, refusing to produce more than <paramref name="maxSize"/> bytes.</summary>
    internal static byte[] Decompress(ReadOnlySequence<byte> payload, int? maxSize, out int length)
    {
        var limit = maxSize ?? int.MaxValue;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(256, (int)Math.Min(payload.Length * 4, limit == int.MaxValue ? 1 << 20 : limit + 1L)));
        length = 0;
        try
        {
            using var input = new ReadOnlySequenceStream(payload);
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > limit)
                    {
                        throw new RpcException(DecompressedTooLarge);
                    }

                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, Array.MaxLength));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = gzip.Read(buffer, length, buffer.Length - length);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > limit)
                {
                    throw new RpcException(DecompressedTooLarge);
                }
            }

            return buffer;
        }
        catch (InvalidDataException ex)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw new RpcException(new Status(DecompressFailed.StatusCode, DecompressFailed.Detail, ex));
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
