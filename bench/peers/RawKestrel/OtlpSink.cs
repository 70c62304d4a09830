using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;

namespace JourneyGrpc.Bench.RawKestrel;

/// <summary>
/// An OTLP/gRPC collector that accepts and drops everything (bench/telemetry-echo.sh): each
/// <c>opentelemetry.proto.collector.*.Export</c> request body is read to its end and answered with
/// an empty <c>Export*ServiceResponse</c> (every field optional, so five zero bytes) and
/// <c>grpc-status: 0</c>, so the server under test pays for building and sending its batches,
/// as it would with a collector, and not for failed connection attempts.
/// </summary>
internal static class OtlpSink
{
    internal const string Pattern = "/opentelemetry.proto.collector.{signal}.v1.{service}/Export";

    private static readonly byte[] EmptyMessage = [0, 0, 0, 0, 0];

    internal static async Task AcceptAsync(HttpContext context)
    {
        var reader = context.Request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(context.RequestAborted);
            reader.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted || read.IsCanceled)
            {
                break;
            }
        }

        context.Response.ContentType = "application/grpc";
        await context.Response.BodyWriter.WriteAsync(EmptyMessage, context.RequestAborted);
        context.Response.AppendTrailer("grpc-status", "0");
    }
}
