using System.Buffers;
using System.IO.Pipelines;
using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using JourneyGrpc.Bench.V1;
using JourneyGrpc.Rpc.Internal;
using JourneyGrpc.Rpc.Internal.CallHandlers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace JourneyGrpc.Rpc.Benchmarks;

/// <summary>
/// One unary echo call through src/Rpc's handler against the same bytes echoed by a bare
/// request delegate (the "raw Kestrel" peer's body), both on an in-memory HttpContext: the
/// difference is the cost of the gRPC layer alone, without sockets or HTTP/2 framing.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class UnaryHandlerBenchmarks
{
    private static readonly Method<EchoRequest, EchoResponse> EchoMethod = new(
        MethodType.Unary, "journeygrpc.bench.v1.EchoService", "Echo", Marshallers.ForMessage(EchoRequest.Parser), Marshallers.ForMessage(EchoResponse.Parser));

    private UnaryServerCallHandler<EchoRequest, EchoResponse> _handler = null!;
    private InMemoryCall _call = null!;
    private ReadOnlySequence<byte> _requestPayload;
    private byte[] _responseBuffer = [];

    [Params(2, 1024)]
    public int PayloadSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var settings = new ServerCallSettings(new RpcServerOptions(), NullLogger.Instance, TimeProvider.System, CancellationToken.None);
        _handler = new UnaryServerCallHandler<EchoRequest, EchoResponse>(EchoMethod, settings, static (request, _) => Task.FromResult(new EchoResponse { Payload = request.Payload }));
        var frame = RequestFrame.Create(PayloadSize);
        _call = new InMemoryCall("/journeygrpc.bench.v1.EchoService/Echo", frame);
        _requestPayload = new ReadOnlySequence<byte>(frame, 5, frame.Length - 5);
        _responseBuffer = new byte[frame.Length];
    }

    [Benchmark(Baseline = true)]
    public Task RawEcho()
    {
        var context = _call.Next();
        return RawEchoAsync(context);
    }

    [Benchmark]
    public Task RpcUnaryHandler() => _handler.HandleCallAsync(_call.Next());

    /// <summary>The protobuf work inside <see cref="RpcUnaryHandler"/>: parse the request, build and serialize the response.</summary>
    [Benchmark]
    public int ProtobufParseAndSerialize()
    {
        var request = EchoRequest.Parser.ParseFrom(_requestPayload);
        var response = new EchoResponse { Payload = request.Payload };
        var size = response.CalculateSize();
        response.WriteTo(_responseBuffer.AsSpan(0, size));
        return size;
    }

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
}
