using JourneyGrpc.Rpc.Health;
using JourneyGrpc.Rpc.InProcess;
using JourneyGrpc.Rpc.Internal;
using JourneyGrpc.Rpc.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JourneyGrpc.Rpc;

/// <summary>Registers the gRPC server.</summary>
public static class RpcServiceCollectionExtensions
{
    /// <summary>Adds the gRPC server services; options bind from configuration section <c>Rpc</c> when present.</summary>
    public static IServiceCollection AddRpc(this IServiceCollection services, Action<RpcServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddRouting();
        services.AddOptions<RpcServerOptions>()
            .BindConfiguration(RpcServerOptions.SectionName)
            .Validate(o => o.MaxReceiveMessageSize is null or > 0, "Rpc:MaxReceiveMessageSize must be positive.")
            .Validate(o => o.MaxSendMessageSize is null or > 0, "Rpc:MaxSendMessageSize must be positive.")
            .Validate(o => o.ResponseCompressionAlgorithm is null or "gzip" or "identity", "Rpc:ResponseCompressionAlgorithm must be gzip or identity.")
            .ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, UnimplementedEndpointMatcherPolicy>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ServiceMethodsRegistry>();
        services.TryAddSingleton<RpcHealthRegistry>();
        services.TryAddSingleton<DescriptorIndexProvider>();
        services.TryAddSingleton(static _ => new InProcessRpcServices());
        return services;
    }
}
