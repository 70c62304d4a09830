using System.Buffers;
using System.Net;

namespace JourneyGrpc.Rpc.Internal.Client;

/// <summary>
/// The body of a unary or server-streaming call: one framed message, serialized before the
/// request starts, sent with its content-length and then END_STREAM.
/// </summary>
internal sealed class UnaryRequestContent : HttpContent
{
    private readonly ReadOnlyMemory<byte> _frame;

    private UnaryRequestContent(ReadOnlyMemory<byte> frame)
    {
        _frame = frame;
        Headers.TryAddWithoutValidation("Content-Type", GrpcProtocolConstants.GrpcContentType);
    }

    /// <summary>Frames <paramref name="message"/>; throws <see cref="RpcException"/> when it is over the send limit.</summary>
    internal static UnaryRequestContent Create<T>(T message, Marshaller<T> marshaller, MessageWriteSettings settings)
    {
        // Uncompressed frames are sized exactly, so the whole body is one array.
        var capacity = settings.Compress ? 256 : GrpcProtocolConstants.MessagePrefixSize + marshaller.CalculateSize(message);
        var writer = new ArrayBufferWriter<byte>(capacity);
        MessageFraming.WriteMessage(writer, message, marshaller, settings);
        return new UnaryRequestContent(writer.WrittenMemory);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(_frame, cancellationToken).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = _frame.Length;
        return true;
    }
}
