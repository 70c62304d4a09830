using JourneyGrpc.Bench.EchoServer;
using JourneyGrpc.Bench.RawKestrel;

// The "raw Kestrel" ceiling of the unary echo benchmark (bench/unary-echo.sh): the same
// endpoint path and wire bytes as a gRPC echo, with no gRPC layer at all. The request body
// (already a gRPC length-prefixed message) is sent back unchanged with
// content-type application/grpc and a grpc-status: 0 trailer.
// Usage: JourneyGrpc.Bench.RawKestrel --urls http://127.0.0.1:50052
var builder = EchoHost.CreateBuilder(args);

var app = builder.Build();
app.MapPost("/journeygrpc.bench.v1.EchoService/Echo", RawEcho.EchoAsync);

// bench/telemetry-echo.sh: the OTLP collector the telemetry-on server exports to.
app.MapPost(OtlpSink.Pattern, OtlpSink.AcceptAsync);
app.Run();
