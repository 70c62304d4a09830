using BenchmarkDotNet.Attributes;
using JourneyGrpc.Bench.EchoServer;
using JourneyGrpc.Bench.RawKestrel;
using JourneyGrpc.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Bench.Microbenchmarks;

/// <summary>
/// One unary echo call through a whole ASP.NET Core pipeline (endpoint routing included) on an
/// in-memory HttpContext: bench/EchoServer's (Grpc.AspNetCore) against bench/peers/RawKestrel's,
/// i.e. what the two h2load peers spend per request above Kestrel's HTTP/2 layer, and the same
/// call as JSON through the in-process REST gateway (what bench/gateway.sh measures over sockets).
/// Public and unsealed because BenchmarkDotNet requires it of benchmark classes.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class RoutedUnaryBenchmarks
{
    private const string EchoPath = "/journeygrpc.bench.v1.EchoService/Echo";
    private const string RestEchoPath = "/v1/echo";

    private RequestDelegate _rawPipeline = null!;
    private RequestDelegate _grpcPipeline = null!;
    private RequestDelegate _gatewayPipeline = null!;
    private InMemoryCall _rawCall = null!;
    private InMemoryCall _grpcCall = null!;
    private InMemoryCall _gatewayCall = null!;
    private WebApplication[] _apps = [];

    [Params(2, 1024)]
    public int PayloadSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var frame = EchoRequestBodies.GrpcFrame(PayloadSize);
        var json = EchoRequestBodies.Json(PayloadSize);
        var raw = BuildApp(_ => { }, app => app.MapPost(EchoPath, RawEcho.EchoAsync));
        var grpc = BuildApp(services => services.AddGrpc(), app => app.MapGrpcService<EchoServiceImpl>());
        var gateway = BuildApp(
            services => services.AddGrpc().Services.AddRestGateway(),
            app =>
            {
                app.MapGrpcService<EchoServiceImpl>();
                app.MapRestGateway();
            });
        _apps = [raw, grpc, gateway];
        (_rawPipeline, _rawCall) = (Pipeline(raw), InMemoryCall.Grpc(raw.Services, EchoPath, frame));
        (_grpcPipeline, _grpcCall) = (Pipeline(grpc), InMemoryCall.Grpc(grpc.Services, EchoPath, frame));
        (_gatewayPipeline, _gatewayCall) = (Pipeline(gateway), InMemoryCall.Json(gateway.Services, RestEchoPath, json));

        // A pipeline that answered with an error would be measured as fast as it fails: check each echoes.
        CheckEcho(nameof(RawKestrelPeer), RawKestrelPeer, _rawCall, frame.Length, grpc: true);
        CheckEcho(nameof(GrpcAspNetCoreEchoServer), GrpcAspNetCoreEchoServer, _grpcCall, frame.Length, grpc: true);
        CheckEcho(nameof(RestGatewayInProcess), RestGatewayInProcess, _gatewayCall, json.Length, grpc: false);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var app in _apps)
        {
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    [Benchmark(Baseline = true)]
    public Task RawKestrelPeer() => _rawPipeline(_rawCall.Next());

    [Benchmark]
    public Task GrpcAspNetCoreEchoServer() => _grpcPipeline(_grpcCall.Next());

    [Benchmark]
    public Task RestGatewayInProcess() => _gatewayPipeline(_gatewayCall.Next());

    /// <summary>A host set up as the h2load peers' (slim builder, no logging), with routing and the given endpoints.</summary>
    private static WebApplication BuildApp(Action<IServiceCollection> addServices, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        addServices(builder.Services);
        var app = builder.Build();
        app.UseRouting();
        map(app);
        app.UseEndpoints(_ => { });
        return app;
    }

    private static RequestDelegate Pipeline(WebApplication app) => ((IApplicationBuilder)app).Build();

    /// <summary>Fails, naming the benchmark, unless one call answers 200 (and grpc-status 0 for gRPC) with a body as long as the request's.</summary>
    private static void CheckEcho(string name, Func<Task> call, InMemoryCall context, int expectedBytes, bool grpc)
    {
        call().GetAwaiter().GetResult();
        var grpcStatus = context.Trailers["grpc-status"].ToString();
        if (context.StatusCode != StatusCodes.Status200OK || (grpc && grpcStatus != "0") || context.ResponseBytes != expectedBytes)
        {
            throw new InvalidOperationException(
                $"{name}: HTTP {context.StatusCode}, grpc-status '{grpcStatus}', {context.ResponseBytes} response bytes (want 200{(grpc ? ", grpc-status 0" : "")}, {expectedBytes} bytes); headers: {string.Join(", ", context.Headers)}");
        }
    }
}
