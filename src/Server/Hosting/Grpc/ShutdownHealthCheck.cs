using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JourneyGrpc.Server.Hosting.Grpc;

/// <summary>
/// Unhealthy once the server begins to stop, so <c>grpc.health.v1.Health/Check</c> answers NOT_SERVING
/// during shutdown (Grpc.AspNetCore.HealthChecks turns only Watch to NOT_SERVING by itself).
/// </summary>
internal sealed class ShutdownHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    internal const string Name = "shutdown";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("The server is shutting down.")
            : HealthCheckResult.Healthy());
}
