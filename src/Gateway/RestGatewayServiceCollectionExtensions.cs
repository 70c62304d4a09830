using Grpc.AspNetCore.Server.Model;
using JourneyGrpc.Gateway.Internal.InProcess;
using JourneyGrpc.Gateway.Internal.Listeners;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JourneyGrpc.Gateway;

/// <summary>Registers the REST gateway.</summary>
public static class RestGatewayServiceCollectionExtensions
{
    /// <summary>
    /// Adds the REST gateway's services; options bind from configuration section <c>Gateway</c>.
    /// With no upstream configured it calls the services mapped in this process (mapped with <c>MapGrpcService</c> after <c>AddGrpc()</c>).
    /// </summary>
    public static IServiceCollection AddRestGateway(this IServiceCollection services, Action<RestGatewayOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddRouting();
        services.AddOptions<RestGatewayOptions>()
            .BindConfiguration(RestGatewayOptions.SectionName)
            .Validate(o => o.MaxRequestBodySize > 0, "Gateway:MaxRequestBodySize must be positive.")
            .ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, RestListenerMatcherPolicy>());

        // In-process: every MapGrpcService<T>() also binds T here, so the gateway calls its handlers directly.
        services.TryAddSingleton<InProcessServices>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IServiceMethodProvider<>), typeof(InProcessServiceMethodProvider<>)));
        return services;
    }
}
