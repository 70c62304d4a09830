using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace JourneyGrpc.Gateway.Internal.Telemetry;

/// <summary>
/// <c>rpc.server.duration</c> (ms) per gRPC call served by Grpc.AspNetCore, tagged <c>rpc.system</c>,
/// <c>rpc.service</c>, <c>rpc.method</c> and <c>rpc.grpc.status_code</c> (RPC semantic conventions,
/// https://opentelemetry.io/docs/specs/semconv/rpc/rpc-metrics/): ASP.NET Core's
/// <c>http.server.request.duration</c> names the method in <c>http.route</c> but sees HTTP 200 for every gRPC
/// call, and Grpc.AspNetCore publishes only process-wide counters. Its <c>_count</c> is the request count,
/// by status. The middleware is added only when metrics are on.
/// </summary>
internal static class RpcServerMetrics
{
    private const string GrpcStatus = "grpc-status";

    private static readonly Meter Meter = new(GatewayTelemetry.RpcMeterName);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "rpc.server.duration",
        unit: "ms",
        description: "Duration of gRPC calls served, from the request's arrival to its last frame.");

    internal static Task InvokeAsync(HttpContext context, RequestDelegate next) =>
        Duration.Enabled && context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is { } grpc
            ? MeasureAsync(context, next, grpc.Method)
            : next(context);

    private static async Task MeasureAsync(HttpContext context, RequestDelegate next, IMethod method)
    {
        // rpc.server.duration is this call's measurement: ASP.NET Core's http.server.request.duration stays the
        // REST requests' (README "Operate"), so a gRPC call is not recorded twice.
        if (context.Features.Get<IHttpMetricsTagsFeature>() is { } httpMetrics)
        {
            httpMetrics.MetricsDisabled = true;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            var tags = new TagList
            {
                { "rpc.system", "grpc" },
                { "rpc.service", method.ServiceName },
                { "rpc.method", method.Name },
                { "rpc.grpc.status_code", StatusOf(context) },
            };
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tags);
        }
    }

    /// <summary>From the trailers, or the headers of a trailers-only response; UNKNOWN (2) when the call got neither (e.g. refused before the handler).</summary>
    private static int StatusOf(HttpContext context)
    {
        var value = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers[GrpcStatus] is { Count: > 0 } trailer
            ? trailer.ToString()
            : context.Response.Headers[GrpcStatus].ToString();
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var status) ? status : (int)StatusCode.Unknown;
    }
}
