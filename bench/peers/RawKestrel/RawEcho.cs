using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;

namespace JourneyGrpc.Bench.RawKestrel;

/// <summary>
/// The raw peer's endpoint: reads the whole request body (already a gRPC length-prefixed message)
/// and sends it back unchanged with content-type application/grpc and a grpc-status: 0 trailer.
/// Shared with bench/Microbenchmarks, so the in-memory and the h2load peers are the same code.
/// </summary>
internal static class RawEcho
{
    internal static async Task EchoAsync(HttpContext context)
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
}
