using JourneyGrpc.Gateway;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.Hosting.Telemetry;

/// <summary>The server's telemetry: the gateway library's OpenTelemetry set-up plus the store's and the watches' instruments.</summary>
internal static class ServerTelemetryExtensions
{
    internal const string ServiceName = "journeygrpc-server";

    /// <summary><c>Telemetry:Prometheus</c> serves <c>/metrics</c> on the REST port: refused at start-up when there is none.</summary>
    internal static IServiceCollection AddServerTelemetry(this IServiceCollection services, IConfiguration configuration, bool hasRestPort)
    {
        if (!hasRestPort && configuration.GetValue<bool>($"{TelemetryOptions.SectionName}:{nameof(TelemetryOptions.Prometheus)}"))
        {
            throw new InvalidOperationException(
                $"{TelemetryOptions.SectionName}:{nameof(TelemetryOptions.Prometheus)}=true serves {GatewayTelemetry.MetricsPath} on the REST port, but there is none (Server:RestUrl is empty and gRPC has no TLS); set Server:RestUrl.");
        }

        return services.AddTelemetry(
            configuration,
            ServiceName,
            meters: [JourneyStoreTelemetry.Name, WatchTelemetry.MeterName],
            sources: [JourneyStoreTelemetry.Name]);
    }
}
