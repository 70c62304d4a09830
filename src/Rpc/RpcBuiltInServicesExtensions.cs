using JourneyGrpc.Rpc.Health;
using JourneyGrpc.Rpc.Internal;
using JourneyGrpc.Rpc.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace JourneyGrpc.Rpc;

/// <summary>Maps the standard gRPC services: health checking and server reflection.</summary>
public static class RpcBuiltInServicesExtensions
{
    /// <summary>
    /// Maps <c>grpc.health.v1.Health</c>. Once the host has started, the server ("") and every
    /// mapped service report SERVING; when it begins to stop, all report NOT_SERVING.
    /// </summary>
    public static IEndpointConventionBuilder MapRpcHealthService(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var health = services.GetRequiredService<RpcHealthRegistry>();
        var registry = services.GetRequiredService<ServiceMethodsRegistry>();
        if (services.GetService<IHostApplicationLifetime>() is { } lifetime)
        {
            lifetime.ApplicationStarted.Register(() => MarkServing(health, registry));
            lifetime.ApplicationStopping.Register(() => health.SetAll(ServingStatus.NotServing));
        }
        else
        {
            MarkServing(health, registry);
        }

        return endpoints.MapRpcService<HealthService>();
    }

    /// <summary>Maps <c>grpc.reflection.v1.ServerReflection</c> and <c>grpc.reflection.v1alpha.ServerReflection</c>.</summary>
    public static IEndpointConventionBuilder MapRpcReflectionService(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return new CompositeEndpointConventionBuilder(
        [
            endpoints.MapRpcService<ReflectionServiceV1>(),
            endpoints.MapRpcService<ReflectionServiceV1Alpha>(),
        ]);
    }

    private static void MarkServing(RpcHealthRegistry health, ServiceMethodsRegistry registry)
    {
        foreach (var service in registry.ServiceNames.Prepend(string.Empty))
        {
            if (!health.TryGetStatus(service, out _))
            {
                health.SetStatus(service, ServingStatus.Serving);
            }
        }
    }
}
