using System.IO.Compression;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Rpc.Tests.Infrastructure;

namespace JourneyGrpc.Rpc.Tests.Server;

public sealed class MetadataAndCompressionTests
{
    private static readonly Method<BytesValue, BytesValue> EchoMetadata = TestMethods.Create(MethodType.Unary, "EchoMetadata");
    private static readonly Method<BytesValue, BytesValue> Compressed = TestMethods.Create(MethodType.ServerStreaming, "Compressed");

    private static DynamicService Service() => new DynamicService()
        .AddUnary(EchoMetadata, async (request, context) =>
        {
            await context.WriteResponseHeadersAsync(new Metadata { { "x-initial", context.RequestHeaders.GetValue("x-initial") ?? "missing" } });
            context.ResponseTrailers.Add("x-trailing-bin", context.RequestHeaders.GetValueBytes("x-trailing-bin") ?? []);
            return request;
        })
        .AddServerStreaming(Compressed, async (request, stream, context) =>
        {
            await context.WriteResponseHeadersAsync(new Metadata { { "grpc-internal-encoding-request", "gzip" } });
            await stream.WriteAsync(request);
            stream.WriteOptions = new WriteOptions(WriteFlags.NoCompress);
            await stream.WriteAsync(request);
        });

    [Theory]
    [InlineData("q6ur")]
    [InlineData("q6urqw")]
    [InlineData("q6urqw==")]
    public async Task Metadata_EchoedInHeadersAndBinaryTrailers(string base64)
    {
        await using var server = await KestrelTestServer.StartAsync(Service());
        using var client = RawGrpc.CreateClient(server.Address);
        var request = RawGrpc.Request(EchoMetadata.FullName, RawGrpc.Frame(new BytesValue()));
        request.Headers.TryAddWithoutValidation("x-initial", "test_initial_metadata_value");
        request.Headers.TryAddWithoutValidation("x-trailing-bin", base64);

        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("test_initial_metadata_value", response.Headers.GetValues("x-initial").Single());
        var expected = Convert.ToBase64String(Convert.FromBase64String(base64.TrimEnd(',').PadRight((base64.TrimEnd(',').Length + 3) / 4 * 4, '='))).TrimEnd('=');
        Assert.Equal(expected, response.TrailingHeaders.GetValues("x-trailing-bin").Single());
        Assert.Equal("0", RawGrpc.GrpcStatus(response));
    }

    [Fact]
    public async Task Compression_GzipRequest_Decompressed()
    {
        await using var server = await KestrelTestServer.StartAsync(Service());
        using var client = RawGrpc.CreateClient(server.Address);
        var message = new BytesValue { Value = ByteString.CopyFrom(new byte[10_000]) };
        var request = RawGrpc.Request(EchoMetadata.FullName, RawGrpc.Frame(Gzip(message.ToByteArray()), compressedFlag: true));
        request.Headers.TryAddWithoutValidation("grpc-encoding", "gzip");

        using var response = await client.SendAsync(request);
        var frame = RawGrpc.ReadFrames(await response.Content.ReadAsByteArrayAsync()).Single();

        Assert.Equal("0", RawGrpc.GrpcStatus(response));
        Assert.Equal(10_000, BytesValue.Parser.ParseFrom(frame.Payload).Value.Length);
    }

    [Fact]
    public async Task Compression_GzipBombOverLimit_ResourceExhausted()
    {
        await using var server = await KestrelTestServer.StartAsync(Service());
        using var client = RawGrpc.CreateClient(server.Address);
        var message = new BytesValue { Value = ByteString.CopyFrom(new byte[5 * 1024 * 1024]) };
        var request = RawGrpc.Request(EchoMetadata.FullName, RawGrpc.Frame(Gzip(message.ToByteArray()), compressedFlag: true));
        request.Headers.TryAddWithoutValidation("grpc-encoding", "gzip");

        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("8", RawGrpc.GrpcStatus(response));
    }

    [Fact]
    public async Task Compression_PerMessageNoCompress_FlagOnFirstMessageOnly()
    {
        await using var server = await KestrelTestServer.StartAsync(Service());
        using var client = RawGrpc.CreateClient(server.Address);
        var message = new BytesValue { Value = ByteString.CopyFrom(new byte[31_415]) };
        var request = RawGrpc.Request(Compressed.FullName, RawGrpc.Frame(message));
        request.Headers.TryAddWithoutValidation("grpc-accept-encoding", "identity,gzip");

        using var response = await client.SendAsync(request);
        var frames = RawGrpc.ReadFrames(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal("gzip", response.Headers.GetValues("grpc-encoding").Single());
        Assert.Equal([true, false], frames.Select(f => f.Compressed));
        Assert.Equal(31_415, BytesValue.Parser.ParseFrom(Gunzip(frames[0].Payload)).Value.Length);
        Assert.Equal(31_415, BytesValue.Parser.ParseFrom(frames[1].Payload).Value.Length);
    }

    [Fact]
    public async Task Compression_ClientDoesNotAcceptGzip_SentUncompressed()
    {
        await using var server = await KestrelTestServer.StartAsync(Service());
        using var client = RawGrpc.CreateClient(server.Address);
        var request = RawGrpc.Request(Compressed.FullName, RawGrpc.Frame(new BytesValue { Value = ByteString.CopyFromUtf8("x") }));

        using var response = await client.SendAsync(request);
        var frames = RawGrpc.ReadFrames(await response.Content.ReadAsByteArrayAsync());

        Assert.False(response.Headers.Contains("grpc-encoding"));
        Assert.Equal([false, false], frames.Select(f => f.Compressed));
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] Gunzip(byte[] data)
    {
        using var input = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
