using JourneyGrpc.Bench.RawKestrel;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// The "raw Kestrel" ceiling of the unary echo benchmark (bench/unary-echo.sh): the same
// endpoint path and wire bytes as a gRPC echo, with no gRPC layer at all. The request body
// (already a gRPC length-prefixed message) is sent back unchanged with
// content-type application/grpc and a grpc-status: 0 trailer.
// Usage: JourneyGrpc.Bench.RawKestrel --urls http://127.0.0.1:50052
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;

    // h2c works only on an HTTP/2-only endpoint (reference §9).
    kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2);
});

var app = builder.Build();
app.MapPost("/journeygrpc.bench.v1.EchoService/Echo", RawEcho.EchoAsync);

// bench/telemetry-echo.sh: the OTLP collector the telemetry-on server exports to.
app.MapPost(OtlpSink.Pattern, OtlpSink.AcceptAsync);
app.Run();
