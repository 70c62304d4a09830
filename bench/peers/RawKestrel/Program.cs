using System.Buffers;
using System.IO.Pipelines;
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
app.MapPost("/journeygrpc.bench.v1.EchoService/Echo", EchoAsync);
app.Run();

static async Task EchoAsync(HttpContext context)
{
    var reader = context.Request.BodyReader;
    ReadResult read;
    while (true)
    {
        read = await reader.ReadAsync(context.RequestAborted);
        if (read.IsCompleted || read.IsCanceled)
        {
            break;
        }

        // Leave everything unconsumed until the whole body has arrived.
        reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
    }

    var response = context.Response;
    response.ContentType = "application/grpc";
    var writer = response.BodyWriter;
    foreach (var segment in read.Buffer)
    {
        writer.Write(segment.Span);
    }

    reader.AdvanceTo(read.Buffer.End);
    response.AppendTrailer("grpc-status", "0");

    // No FlushAsync: Kestrel writes headers, data and trailers together when the handler
    // returns, which measured ~6% more unary req/s than flushing here (see bench/README.md).
}
