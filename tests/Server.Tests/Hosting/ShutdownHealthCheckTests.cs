using JourneyGrpc.Server.Hosting.Grpc;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace JourneyGrpc.Server.Tests.Hosting;

public sealed class ShutdownHealthCheckTests
{
    [Fact]
    public async Task CheckHealthAsync_BeforeAndAfterStopping_HealthyThenUnhealthy()
    {
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        var check = new ShutdownHealthCheck(lifetime);

        var before = await check.CheckHealthAsync(new HealthCheckContext());
        lifetime.StopApplication();
        var after = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, before.Status);
        Assert.Equal((HealthStatus.Unhealthy, "The server is shutting down."), (after.Status, after.Description));
    }
}
