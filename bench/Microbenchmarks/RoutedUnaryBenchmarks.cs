using BenchmarkDotNet.Attributes;
using JourneyGrpc.Bench.RawKestrel;
using JourneyGrpc.Bench.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Rpc.Benchmarks;

/// <summary>
/// One unary echo call through the whole ASP.NET Core pipeline (endpoint routing included) of
/// bench/EchoServer against bench/peers/RawKestrel's, on an in-memory HttpContext: what the two
/// h2load peers spend per request above Kestrel's HTTP/2 layer.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class RoutedUnaryBenchmarks
{
    private const string EchoPath = "/journeygrpc.bench.v1.EchoService/Echo";

    private RequestDelegate _rawPipeline = null!;
    private RequestDelegate _rpcPipeline = null!;
    private InMemoryCall _call = null!;

    [Params(2, 1024)]
    public int PayloadSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _call = new InMemoryCall(EchoPath, RequestFrame.Create(PayloadSize));
        _rawPipeline = BuildPipeline(app => app.MapPost(EchoPath, RawEcho.EchoAsync), addRpc: false);
        _rpcPipeline = BuildPipeline(app => app.MapRpcService<EchoServiceImpl>(), addRpc: true);
    }

    [Benchmark(Baseline = true)]
    public Task RawKestrelPeer() => _rawPipeline(_call.Next());

    [Benchmark]
    public Task RpcEchoServer() => _rpcPipeline(_call.Next());

    private static RequestDelegate BuildPipeline(Action<WebApplication> map, bool addRpc)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (addRpc)
        {
            builder.Services.AddRpc();
        }

        var app = builder.Build();
        app.UseRouting();
        map(app);
        app.UseEndpoints(_ => { });
        return ((IApplicationBuilder)app).Build();
    }

    private sealed class EchoServiceImpl : EchoService.EchoServiceBase
    {
        public override Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context) =>
            Task.FromResult(new EchoResponse { Payload = request.Payload });
    }
}
