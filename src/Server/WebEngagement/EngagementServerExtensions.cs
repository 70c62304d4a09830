using JourneyGrpc.Server.WebEngagement.Actions;
using JourneyGrpc.Server.WebEngagement.Attempts;
using JourneyGrpc.Server.WebEngagement.Reporting;
using JourneyGrpc.Server.WebEngagement.Storage;
using JourneyGrpc.Server.WebEngagement.Validation;
using JourneyGrpc.Server.WebEngagement.Watching;
using JourneyGrpc.Server.Hosting.Grpc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.WebEngagement;

/// <summary>
/// Adds and maps <c>journeygrpc.engagement.v1.EngagementService</c>: GWE engage / noengage and the web-action
/// lifecycle. Needs <c>services.AddGrpcServer(configuration)</c> and <c>services.AddJourneyStore(configuration)</c>.
/// </summary>
public static class EngagementServerExtensions
{
    /// <summary>Registers the service; options bind from section <c>Engagement</c> and are validated at start-up.</summary>
    public static IServiceCollection AddEngagementService(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EngagementOptions>().Bind(configuration.GetSection(EngagementOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EngagementOptions>, EngagementOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new EngagementStoreAccessor(provider));
        services.TryAddSingleton<WebActionReader>();
        services.TryAddSingleton<WriteRetry>();
        services.TryAddSingleton<EngagementAttempts>();
        services.TryAddSingleton<ActionEvents>();
        services.TryAddSingleton<ActionMapPerformance>();
        services.TryAddSingleton<WebActionWatch>();
        services.TryAddSingleton<EngagementServiceImpl>();
        services.AddGrpcHealthReport(global::JourneyGrpc.WebEngagement.V1.EngagementService.Descriptor.FullName);
        return services;
    }

    /// <summary>Maps the service's gRPC methods.</summary>
    public static IEndpointConventionBuilder MapEngagementService(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGrpcService<EngagementServiceImpl>();
    }
}
