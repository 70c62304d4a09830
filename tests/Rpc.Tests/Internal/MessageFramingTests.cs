using System.Buffers;
using System.IO.Pipelines;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Rpc.Internal;
using JourneyGrpc.Rpc.Tests.Infrastructure;

namespace JourneyGrpc.Rpc.Tests.Internal;

public sealed class MessageFramingTests
{
    private static readonly MessageReadSettings Settings = new(4 * 1024 * 1024, null);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(1000)]
    public async Task ReadMessageAsync_BytesArriveInChunks_MessagesParsed(int chunkSize)
    {
        // Arrange: three messages written to the pipe in chunks that ignore message boundaries.
        var pipe = new Pipe();
        var bytes = new[] { "a", string.Empty, new string('x', 300) }
            .SelectMany(s => RawGrpc.Frame(new StringValue { Value = s }))
            .ToArray();
        var writing = Task.Run(async () =>
        {
            for (var offset = 0; offset < bytes.Length; offset += chunkSize)
            {
                await pipe.Writer.WriteAsync(bytes.AsMemory(offset, Math.Min(chunkSize, bytes.Length - offset)));
            }

            await pipe.Writer.CompleteAsync();
        });

        // Act
        var messages = new List<string>();
        while (await MessageFraming.ReadMessageAsync(pipe.Reader, Settings, StringValue.Parser.ParseFrom, CancellationToken.None) is { } message)
        {
            messages.Add(message.Value);
        }

        // Assert
        await writing;
        Assert.Equal(["a", string.Empty, new string('x', 300)], messages);
    }

    [Fact]
    public async Task ReadMessageAsync_SeveralMessagesInOneWriteAndNoMore_EachReturnedWithoutWaiting()
    {
        // Arrange: a burst of three messages in one write; the stream then stays open and silent.
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(new[] { "a", "b", "c" }.SelectMany(s => RawGrpc.Frame(new StringValue { Value = s })).ToArray());

        // Act: every message is already there, so no read may wait for more bytes.
        var messages = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var message = await MessageFraming.ReadMessageAsync(pipe.Reader, Settings, StringValue.Parser.ParseFrom, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            messages.Add(message!.Value);
        }

        // Assert
        Assert.Equal(["a", "b", "c"], messages);
        await pipe.Writer.CompleteAsync();
    }

    [Theory]
    [InlineData(new byte[] { 2, 0, 0, 0, 0 }, StatusCode.Internal, "Message has an invalid compressed flag.")]
    [InlineData(new byte[] { 0, 0, 0, 0, 5, 1 }, StatusCode.Internal, "Incomplete message.")]
    [InlineData(new byte[] { 0, 0, 0 }, StatusCode.Internal, "Incomplete message.")]
    [InlineData(new byte[] { 0, 0x7F, 0, 0, 0 }, StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size.")]
    public async Task ReadMessageAsync_BadInput_ExactStatus(byte[] input, StatusCode code, string detail)
    {
        var reader = PipeReader.Create(new ReadOnlySequence<byte>(input));

        var exception = await Assert.ThrowsAsync<RpcException>(async () =>
            await MessageFraming.ReadMessageAsync(reader, Settings, StringValue.Parser.ParseFrom, CancellationToken.None));

        Assert.Equal(code, exception.StatusCode);
        Assert.Equal(detail, exception.Status.Detail);
    }

    [Fact]
    public void WriteMessage_Uncompressed_PrefixAndPayload()
    {
        var writer = new ArrayBufferWriter<byte>();
        var message = new BytesValue { Value = ByteString.CopyFrom(1, 2) };

        MessageFraming.WriteMessage(writer, message, TestMethods.Marshaller, new MessageWriteSettings(null, false, System.IO.Compression.CompressionLevel.Fastest));

        Assert.Equal(new byte[] { 0, 0, 0, 0, 4, 0x0A, 2, 1, 2 }, writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void WriteMessage_OverSendLimit_ResourceExhausted()
    {
        var writer = new ArrayBufferWriter<byte>();
        var message = new BytesValue { Value = ByteString.CopyFrom(new byte[100]) };

        var exception = Assert.Throws<RpcException>(() =>
            MessageFraming.WriteMessage(writer, message, TestMethods.Marshaller, new MessageWriteSettings(50, false, System.IO.Compression.CompressionLevel.Fastest)));

        Assert.Equal(StatusCode.ResourceExhausted, exception.StatusCode);
        Assert.Equal(0, writer.WrittenCount);
    }

    [Fact]
    public void TryReadMessage_PrefixSplitAcrossSegments_Parsed()
    {
        // Arrange: the 5-byte prefix spans three segments, as DATA frames may cut it anywhere.
        var frame = RawGrpc.Frame(new StringValue { Value = "split" });
        var buffer = BufferSegment.Sequence(frame[..2], frame[2..4], frame[4..]);

        // Act
        var parsed = MessageFraming.TryReadMessage(ref buffer, maxSize: 1024, out var compressed, out var payload);

        // Assert
        Assert.True(parsed);
        Assert.False(compressed);
        Assert.Equal("split", StringValue.Parser.ParseFrom(payload).Value);
        Assert.Equal(0, buffer.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(1024)]
    [InlineData(4085)]
    [InlineData(4086)]
    [InlineData(100_000)]
    public void WriteMessage_ProtobufMarshallerAnySize_SameBytesAsStreamedSerializer(int payloadSize)
    {
        // Arrange: the protobuf marshaller writes small messages into one span; a marshaller built from the
        // public constructor (no span serializer) always streams through the buffer writer.
        var message = new BytesValue { Value = ByteString.CopyFrom(Enumerable.Range(0, payloadSize).Select(i => (byte)(i * 7)).ToArray()) };
        var streamed = new Marshaller<BytesValue>(m => m.CalculateSize(), (m, w) => m.WriteTo(w), BytesValue.Parser.ParseFrom);
        var settings = new MessageWriteSettings(null, false, System.IO.Compression.CompressionLevel.Fastest);
        var spanWriter = new ArrayBufferWriter<byte>();
        var streamWriter = new ArrayBufferWriter<byte>();

        // Act
        MessageFraming.WriteMessage(spanWriter, message, TestMethods.Marshaller, settings);
        MessageFraming.WriteMessage(streamWriter, message, streamed, settings);

        // Assert
        Assert.Equal(RawGrpc.Frame(message), spanWriter.WrittenSpan.ToArray());
        Assert.Equal(RawGrpc.Frame(message), streamWriter.WrittenSpan.ToArray());
    }

    private sealed class BufferSegment : ReadOnlySequenceSegment<byte>
    {
        private BufferSegment(byte[] bytes, long runningIndex)
        {
            Memory = bytes;
            RunningIndex = runningIndex;
        }

        internal static ReadOnlySequence<byte> Sequence(params byte[][] parts)
        {
            var first = new BufferSegment(parts[0], 0);
            var last = first;
            foreach (var part in parts.Skip(1))
            {
                var next = new BufferSegment(part, last.RunningIndex + last.Memory.Length);
                last.Next = next;
                last = next;
            }

            return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
        }
    }
}
