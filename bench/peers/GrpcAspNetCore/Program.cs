using JourneyGrpc.Bench.EchoServer;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// The "grpc-aspnetcore" peer of the unary echo benchmark (bench/unary-echo.sh): the echo service on a
// plain Grpc.AspNetCore (AddGrpc() with its defaults, no interceptor, health or reflection), on the same host
// set-up as bench/EchoServer and bench/peers/RawKestrel. Between "ours" and raw Kestrel it shows which part of
// the difference is the server's own set-up and which is the library's.
// Usage: JourneyGrpc.Bench.GrpcAspNetCore --urls http://127.0.0.1:50154
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;

    // h2c works only on an HTTP/2-only endpoint.
    kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2);
});
builder.Services.AddGrpc();

var app = builder.Build();
app.MapGrpcService<EchoServiceImpl>();
app.Run();
