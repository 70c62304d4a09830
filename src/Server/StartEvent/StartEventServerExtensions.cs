using JourneyGrpc.Server.Hosting.Grpc;
using JourneyGrpc.Server.StartEvent.Lifecycle;
using JourneyGrpc.Server.StartEvent.Queries;
using JourneyGrpc.Server.StartEvent.Storage;
using JourneyGrpc.Server.StartEvent.Validation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.StartEvent;

/// <summary>
/// Adds and maps <c>journeygrpc.startevent.v1.StartEventService</c>: Genesys Context Services
/// services, states and tasks at <c>/genesys/1/cs</c>. Needs <c>services.AddGrpcServer(configuration)</c>
/// and <c>services.AddJourneyStore(configuration)</c>.
/// </summary>
public static class StartEventServerExtensions
{
    /// <summary>Registers the service; options bind from section <c>StartEvent</c> and are validated at start-up.</summary>
    public static IServiceCollection AddStartEvent(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StartEventOptions>().Bind(configuration.GetSection(StartEventOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StartEventOptions>, StartEventOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new StartEventStoreAccessor(provider));
        services.TryAddSingleton<StartEventRecords>();
        services.TryAddSingleton<IdAllocator>();
        services.TryAddSingleton<WriteRetry>();
        services.TryAddSingleton<ServiceGuard>();
        services.TryAddSingleton<ServiceLifecycle>();
        services.TryAddSingleton<StateLifecycle>();
        services.TryAddSingleton<TaskLifecycle>();
        services.TryAddSingleton<ServiceQueries>();
        services.TryAddSingleton<StateQueries>();
        services.TryAddSingleton<TaskQueries>();
        services.TryAddSingleton<JourneyServiceQueries>();
        services.TryAddSingleton<StartEventServiceImpl>();
        services.AddGrpcHealthReport(global::JourneyGrpc.StartEvent.V1.StartEventService.Descriptor.FullName);
        return services;
    }

    /// <summary>Maps the service's gRPC methods.</summary>
    public static IEndpointConventionBuilder MapStartEvent(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGrpcService<StartEventServiceImpl>();
    }
}
