using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Diagnostics.CodeAnalysis;
using System.IO.Pipelines;
using Google.Protobuf;

namespace JourneyGrpc.Rpc.Internal;

/// <summary>
/// Length-prefixed messages on pipes: a 1-byte compressed flag, a 4-byte big-endian length,
/// then the payload. DATA frame boundaries mean nothing, so the pipe is parsed as a byte stream.
/// See PROTOCOL-HTTP2.md, "Length-Prefixed-Message".
/// </summary>
internal static class MessageFraming
{
    internal static readonly Status MessageTooLarge = new(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size.");
    internal static readonly Status SendMessageTooLarge = new(StatusCode.ResourceExhausted, "Sending message exceeds the maximum configured message size.");
    internal static readonly Status IncompleteMessage = new(StatusCode.Internal, "Incomplete message.");
    internal static readonly Status AdditionalData = new(StatusCode.Internal, "Additional data after the message received.");
    internal static readonly Status InvalidCompressedFlag = new(StatusCode.Internal, "Message has an invalid compressed flag.");
    internal static readonly Status CompressedWithoutEncoding = new(StatusCode.Internal, "Message is compressed but no grpc-encoding was sent.");
    internal static readonly Status DeserializeFailed = new(StatusCode.Internal, "Failed to deserialize message.");

    /// <summary>Messages up to this size are written into one span: it stays within one pooled 4 KiB block.</summary>
    private const int MaxSingleSpanMessageSize = 4096 - GrpcProtocolConstants.MessagePrefixSize;

    /// <summary>Reads one message, or returns null when the stream ended cleanly between messages.</summary>
    internal static async ValueTask<T?> ReadMessageAsync<T>(PipeReader reader, MessageReadSettings settings, Func<ReadOnlySequence<byte>, T> deserializer, CancellationToken cancellationToken)
        where T : class
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var examined = result.Buffer.End;
            try
            {
                if (TryReadMessage(ref buffer, settings.MaxReceiveMessageSize, out var compressed, out var payload))
                {
                    // Examined only up to this message: the next read must return messages that already
                    // arrived behind it instead of waiting for more bytes (a burst would stall until then).
                    examined = buffer.Start;
                    return Deserialize(payload, compressed, settings, deserializer);
                }

                if (result.IsCompleted)
                {
                    if (buffer.Length == 0)
                    {
                        return null;
                    }

                    throw new RpcException(IncompleteMessage);
                }

                if (result.IsCanceled)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
            }
            finally
            {
                // Without a whole message, examined = End: the next ReadAsync waits for more data instead of
                // spinning on a partial message.
                reader.AdvanceTo(buffer.Start, examined);
            }
        }
    }

    /// <summary>Reads exactly one message followed by end of stream (unary and server-streaming requests).</summary>
    internal static async ValueTask<T> ReadSingleMessageAsync<T>(PipeReader reader, MessageReadSettings settings, Func<ReadOnlySequence<byte>, T> deserializer, CancellationToken cancellationToken)
        where T : class
    {
        var message = await ReadMessageAsync(reader, settings, deserializer, cancellationToken).ConfigureAwait(false)
            ?? throw new RpcException(IncompleteMessage);
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var length = result.Buffer.Length;
            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
            if (length > 0)
            {
                throw new RpcException(AdditionalData);
            }

            if (result.IsCompleted)
            {
                return message;
            }

            if (result.IsCanceled)
            {
                throw new OperationCanceledException(cancellationToken);
            }
        }
    }

    /// <summary>
    /// Reads exactly one message without waiting when the whole request body has already arrived,
    /// as it usually has for a small unary request. False means: use <see cref="ReadSingleMessageAsync"/>.
    /// </summary>
    internal static bool TryReadSingleMessage<T>(PipeReader reader, MessageReadSettings settings, Func<ReadOnlySequence<byte>, T> deserializer, [NotNullWhen(true)] out T? message)
        where T : class
    {
        message = null;
        if (!reader.TryRead(out var result))
        {
            return false;
        }

        var buffer = result.Buffer;
        if (!result.IsCompleted)
        {
            // Nothing consumed or examined: the next ReadAsync sees the same bytes at once.
            reader.AdvanceTo(buffer.Start);
            return false;
        }

        try
        {
            if (!TryReadMessage(ref buffer, settings.MaxReceiveMessageSize, out var compressed, out var payload))
            {
                throw new RpcException(IncompleteMessage);
            }

            if (buffer.Length > 0)
            {
                throw new RpcException(AdditionalData);
            }

            message = Deserialize(payload, compressed, settings, deserializer);
            return true;
        }
        finally
        {
            reader.AdvanceTo(result.Buffer.End);
        }
    }

    /// <summary>Parses one complete message off the front of <paramref name="buffer"/>.</summary>
    internal static bool TryReadMessage(ref ReadOnlySequence<byte> buffer, int? maxSize, out bool compressed, out ReadOnlySequence<byte> payload)
    {
        compressed = false;
        payload = default;
        if (buffer.Length < GrpcProtocolConstants.MessagePrefixSize)
        {
            return false;
        }

        byte flag;
        uint length;
        var first = buffer.FirstSpan;
        if (first.Length >= GrpcProtocolConstants.MessagePrefixSize)
        {
            flag = first[0];
            length = BinaryPrimitives.ReadUInt32BigEndian(first[1..]);
        }
        else
        {
            Span<byte> prefix = stackalloc byte[GrpcProtocolConstants.MessagePrefixSize];
            buffer.Slice(0, GrpcProtocolConstants.MessagePrefixSize).CopyTo(prefix);
            flag = prefix[0];
            length = BinaryPrimitives.ReadUInt32BigEndian(prefix[1..]);
        }

        compressed = flag switch
        {
            0 => false,
            1 => true,
            _ => throw new RpcException(InvalidCompressedFlag),
        };
        if (length > (uint)(maxSize ?? int.MaxValue))
        {
            throw new RpcException(MessageTooLarge);
        }

        if (buffer.Length < GrpcProtocolConstants.MessagePrefixSize + length)
        {
            return false;
        }

        payload = buffer.Slice(GrpcProtocolConstants.MessagePrefixSize, length);
        buffer = buffer.Slice(payload.End);
        return true;
    }

    /// <summary>Writes one message. The caller flushes.</summary>
    internal static void WriteMessage<T>(IBufferWriter<byte> writer, T message, Marshaller<T> marshaller, MessageWriteSettings settings)
    {
        var size = marshaller.CalculateSize(message);
        if (settings.MaxSendMessageSize is { } max && size > max)
        {
            throw new RpcException(SendMessageTooLarge);
        }

        if (!settings.Compress && size <= MaxSingleSpanMessageSize && marshaller.ExactSpanSerializer is { } spanSerializer)
        {
            // One GetSpan/Advance pair for prefix and payload: Kestrel's response writer takes a lock for each.
            var frame = writer.GetSpan(GrpcProtocolConstants.MessagePrefixSize + size);
            frame[0] = 0;
            BinaryPrimitives.WriteUInt32BigEndian(frame[1..], (uint)size);
            spanSerializer(message, frame.Slice(GrpcProtocolConstants.MessagePrefixSize, size));
            writer.Advance(GrpcProtocolConstants.MessagePrefixSize + size);
            return;
        }

        if (!settings.Compress)
        {
            var prefix = writer.GetSpan(GrpcProtocolConstants.MessagePrefixSize);
            prefix[0] = 0;
            BinaryPrimitives.WriteUInt32BigEndian(prefix[1..], (uint)size);
            writer.Advance(GrpcProtocolConstants.MessagePrefixSize);
            if (size > 0)
            {
                marshaller.Serializer(message, writer);
            }

            return;
        }

        var plain = new ArrayBufferWriter<byte>(Math.Max(size, 1));
        marshaller.Serializer(message, plain);
        var compressed = new ArrayBufferWriter<byte>(Math.Max(size / 2, 64));
        GzipMessageCompression.Compress(plain.WrittenSpan, compressed, settings.CompressionLevel);
        var header = writer.GetSpan(GrpcProtocolConstants.MessagePrefixSize);
        header[0] = 1;
        BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)compressed.WrittenCount);
        writer.Advance(GrpcProtocolConstants.MessagePrefixSize);
        writer.Write(compressed.WrittenSpan);
    }

    private static T Deserialize<T>(ReadOnlySequence<byte> payload, bool compressed, MessageReadSettings settings, Func<ReadOnlySequence<byte>, T> deserializer)
    {
        if (!compressed)
        {
            return DeserializeCore(payload, deserializer);
        }

        // A compressed flag needs a real coding in grpc-encoding (identity or none is a protocol error).
        if (settings.Encoding is null)
        {
            throw new RpcException(CompressedWithoutEncoding);
        }

        var buffer = GzipMessageCompression.Decompress(payload, settings.MaxReceiveMessageSize, out var length);
        try
        {
            return DeserializeCore(new ReadOnlySequence<byte>(buffer, 0, length), deserializer);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static T DeserializeCore<T>(ReadOnlySequence<byte> payload, Func<ReadOnlySequence<byte>, T> deserializer)
    {
        try
        {
            return deserializer(payload);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new RpcException(new Status(DeserializeFailed.StatusCode, DeserializeFailed.Detail, ex));
        }
    }
}
