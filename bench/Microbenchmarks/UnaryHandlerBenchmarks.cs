using System.Buffers;
using System.IO.Pipelines;
using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using JourneyGrpc.Bench.V1;
using JourneyGrpc.Rpc.Internal;
using JourneyGrpc.Rpc.Internal.CallHandlers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Abstractions;

namespace JourneyGrpc.Rpc.Benchmarks;

/// <summary>
/// One unary echo call through src/Rpc's handler against the same bytes echoed by a bare
/// request delegate (the "raw Kestrel" peer's body), both on an in-memory HttpContext: the
/// difference is the cost of the gRPC layer alone, without sockets or HTTP/2 framing.
/// </summary>
[MemoryDiagnoser]
public class UnaryHandlerBenchmarks
{
    private static readonly Method<EchoRequest, EchoResponse> EchoMethod = new(
        MethodType.Unary, "journeygrpc.bench.v1.EchoService", "Echo", Marshallers.ForMessage(EchoRequest.Parser), Marshallers.ForMessage(EchoResponse.Parser));

    private UnaryServerCallHandler<EchoRequest, EchoResponse> _handler = null!;
    private byte[] _requestFrame = [];

    [Params(2, 1024)]
    public int PayloadSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var settings = new ServerCallSettings(new RpcServerOptions(), NullLogger.Instance, TimeProvider.System, CancellationToken.None);
        _handler = new UnaryServerCallHandler<EchoRequest, EchoResponse>(EchoMethod, settings, static (request, _) => Task.FromResult(new EchoResponse { Payload = request.Payload }));
        var message = new EchoRequest { Payload = ByteString.CopyFrom(new byte[PayloadSize]) }.ToByteArray();
        _requestFrame = new byte[5 + message.Length];
        _requestFrame[4] = (byte)message.Length;
        _requestFrame[3] = (byte)(message.Length >> 8);
        message.CopyTo(_requestFrame, 5);
    }

    [Benchmark(Baseline = true)]
    public Task RawEcho()
    {
        var context = CreateContext();
        return RawEchoAsync(context);
    }

    [Benchmark]
    public Task RpcUnaryHandler() => _handler.HandleCallAsync(CreateContext());

    private static async Task RawEchoAsync(HttpContext context)
    {
        var reader = context.Request.BodyReader;
        ReadResult read;
        while (true)
        {
            read = await reader.ReadAsync();
            if (read.IsCompleted)
            {
                break;
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }

        context.Response.ContentType = "application/grpc";
        foreach (var segment in read.Buffer)
        {
            context.Response.BodyWriter.Write(segment.Span);
        }

        reader.AdvanceTo(read.Buffer.End);
        context.Response.AppendTrailer("grpc-status", "0");
    }

    private DefaultHttpContext CreateContext()
    {
        var context = new DefaultHttpContext();
        context.Request.Protocol = "HTTP/2";
        context.Request.Method = "POST";
        context.Request.ContentType = "application/grpc";
        // Kestrel hands the handler a request pipe that usually already holds the whole small body.
        var body = new Pipe();
        body.Writer.Write(_requestFrame);
        body.Writer.Complete();
        context.Features.Set<IRequestBodyPipeFeature>(new RequestBodyPipeFeature(body.Reader));
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
        context.Features.Set<IHttpResponseTrailersFeature>(new TrailersFeature());
        return context;
    }

    private sealed class RequestBodyPipeFeature(PipeReader reader) : IRequestBodyPipeFeature
    {
        public PipeReader Reader { get; } = reader;
    }

    private sealed class TrailersFeature : IHttpResponseTrailersFeature
    {
        public IHeaderDictionary Trailers { get; set; } = new HeaderDictionary();
    }
}
