using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace JourneyGrpc.Gateway.Internal.Telemetry;

/// <summary>
/// Tags ASP.NET Core's request span when it is recorded, after the request (HTTP semantic conventions,
/// https://opentelemetry.io/docs/specs/semconv/http/http-spans/): <c>http.request.method</c>, <c>url.path</c>,
/// <c>url.scheme</c>, <c>server.address</c>, <c>server.port</c>, <c>http.route</c> and the name
/// <c>{method} {route}</c>, <c>http.response.status_code</c>, <c>network.protocol.version</c>, and
/// <c>error.type</c> with an error status for a 5xx or an unhandled exception. A Prometheus scrape's span is
/// not recorded. A request whose span is not recorded (not sampled) costs one feature lookup: ASP.NET Core 10
/// could tag every request's activity at its start (its <c>SuppressActivityOpenTelemetryData</c> switch off),
/// sampled or not, which costs more than the recorded spans (bench/RESULTS.md "Telemetry cost").
/// </summary>
internal static class RequestSpanCompletion
{
    internal static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Features.Get<IHttpActivityFeature>()?.Activity is not { IsAllDataRequested: true } activity)
        {
            return next(context);
        }

        if (context.Request.Path == GatewayTelemetry.MetricsPath)
        {
            // Not exported (OpenTelemetry ends only spans with all data requested), not sampled for what it calls.
            activity.IsAllDataRequested = false;
            activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
            return next(context);
        }

        return CompleteAsync(context, next, activity);
    }

    private static async Task CompleteAsync(HttpContext context, RequestDelegate next, Activity activity)
    {
        try
        {
            await next(context).ConfigureAwait(false);
            SetEndTags(context, activity, context.Response.StatusCode);
        }
        catch (Exception ex)
        {
            activity.SetTag("error.type", ex.GetType().FullName);
            activity.SetStatus(ActivityStatusCode.Error, ex.Message);
            // ASP.NET Core answers 500 to an unhandled exception unless the response has already started.
            SetEndTags(context, activity, context.Response.HasStarted ? context.Response.StatusCode : StatusCodes.Status500InternalServerError);
            throw;
        }
    }

    private static void SetEndTags(HttpContext context, Activity activity, int status)
    {
        var request = context.Request;
        activity.SetTag("http.request.method", request.Method);
        activity.SetTag("url.path", request.PathBase.Add(request.Path).Value is { Length: > 0 } path ? path : "/");
        activity.SetTag("url.scheme", request.Scheme);
        if (request.Host.HasValue)
        {
            activity.SetTag("server.address", request.Host.Host);
            if (request.Host.Port is { } port)
            {
                activity.SetTag("server.port", port);
            }
        }

        if (context.GetEndpoint()?.Metadata.GetMetadata<IRouteDiagnosticsMetadata>()?.Route is { Length: > 0 } route)
        {
            activity.SetTag("http.route", route);
            activity.DisplayName = $"{request.Method} {route}";
        }

        activity.SetTag("http.response.status_code", status);
        if (ProtocolVersion(request.Protocol) is { } version)
        {
            activity.SetTag("network.protocol.version", version);
        }

        if (status >= StatusCodes.Status500InternalServerError && activity.Status != ActivityStatusCode.Error)
        {
            activity.SetTag("error.type", status.ToString(CultureInfo.InvariantCulture));
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }

    private static string? ProtocolVersion(string protocol) =>
        HttpProtocol.IsHttp2(protocol) ? "2"
        : HttpProtocol.IsHttp11(protocol) ? "1.1"
        : HttpProtocol.IsHttp3(protocol) ? "3"
        : HttpProtocol.IsHttp10(protocol) ? "1.0"
        : null;
}
