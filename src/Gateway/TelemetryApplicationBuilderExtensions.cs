using JourneyGrpc.Gateway.Internal.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyGrpc.Gateway;

/// <summary>The request side of <see cref="TelemetryServiceCollectionExtensions.AddTelemetry"/>.</summary>
public static class TelemetryApplicationBuilderExtensions
{
    /// <summary>
    /// With tracing on, completes each recorded request span (route, status); with metrics on, measures every gRPC
    /// call (<c>rpc.server.duration</c>); with <c>Telemetry:Prometheus</c>,
    /// maps <c>GET /metrics</c> as a REST-port endpoint (the gRPC port never serves it). Off, it adds nothing,
    /// so <c>/metrics</c> falls through to the gateway's 404.
    /// </summary>
    public static WebApplication MapTelemetry(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var settings = app.Services.GetRequiredService<TelemetrySettings>();
        if (settings.Tracing)
        {
            app.Use(next => context => RequestSpanCompletion.InvokeAsync(context, next));
        }

        if (settings.Metrics)
        {
            app.Use(next => context => RpcServerMetrics.InvokeAsync(context, next));
        }

        if (settings.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint(GatewayTelemetry.MetricsPath)
                .WithDisplayName("Prometheus metrics")
                .WithMetadata(RestGatewayEndpointMetadata.Instance);
        }

        return app;
    }

}
