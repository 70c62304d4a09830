using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Server.Tests.Hosting.Telemetry;

/// <summary>
/// An OTLP/gRPC collector on loopback (h2c, port 0) that records which <c>Export</c> methods were called and answers
/// each with an empty response and <c>grpc-status: 0</c>, so an exporter pointed at it succeeds.
/// </summary>
internal sealed class OtlpCollectorStub : IAsyncDisposable
{
    internal const string TraceExport = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";
    internal const string MetricsExport = "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export";

    private readonly WebApplication _app;

    private OtlpCollectorStub(WebApplication app, Uri address, ConcurrentQueue<string> exports)
    {
        _app = app;
        Address = address;
        Exports = exports;
    }

    internal Uri Address { get; }

    /// <summary>The path of every export request received, in order.</summary>
    internal ConcurrentQueue<string> Exports { get; }

    internal static async Task<OtlpCollectorStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        var exports = new ConcurrentQueue<string>();
        app.MapPost("/opentelemetry.proto.collector.{signal}.v1.{service}/Export", async context =>
        {
            // Read the whole batch, as a collector does, then answer an empty Export*ServiceResponse.
            await context.Request.BodyReader.CopyToAsync(Stream.Null, context.RequestAborted);
            exports.Enqueue(context.Request.Path.Value!);
            context.Response.ContentType = "application/grpc";
            await context.Response.BodyWriter.WriteAsync(new byte[5], context.RequestAborted);
            context.Response.AppendTrailer("grpc-status", "0");
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return new OtlpCollectorStub(app, address, exports);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
