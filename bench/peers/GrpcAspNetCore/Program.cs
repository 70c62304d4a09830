using JourneyGrpc.Bench.EchoServer;

// The "grpc-aspnetcore" peer of the unary echo benchmark (bench/unary-echo.sh): the echo service on a
// plain Grpc.AspNetCore (AddGrpc() with its defaults, no interceptor, health or reflection), on the same host
// set-up as bench/EchoServer and bench/peers/RawKestrel. Between "ours" and raw Kestrel it shows which part of
// the difference is the server's own set-up and which is the library's.
// Usage: JourneyGrpc.Bench.GrpcAspNetCore --urls http://127.0.0.1:50154
var builder = EchoHost.CreateBuilder(args);
builder.Services.AddGrpc();

var app = builder.Build();
app.MapGrpcService<EchoServiceImpl>();
app.Run();
