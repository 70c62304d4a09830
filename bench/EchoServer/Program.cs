using JourneyGrpc.Bench.EchoServer;
using JourneyGrpc.Rpc;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// "ours" in the unary echo benchmark (bench/unary-echo.sh): journeygrpc.bench.v1.EchoService
// served through src/Rpc. Host set-up is identical to bench/peers/RawKestrel, so the two
// differ only by the gRPC layer.
// Usage: JourneyGrpc.Bench.EchoServer --urls http://127.0.0.1:50151
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;

    // h2c works only on an HTTP/2-only endpoint.
    kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2);
});
builder.Services.AddRpc();

var app = builder.Build();
app.MapRpcService<EchoServiceImpl>();
app.Run();
