using JourneyGrpc.Server.Hosting.Grpc;
using JourneyGrpc.Server.Journey.Engagements;
using JourneyGrpc.Server.Journey.IdentifierTypes;
using JourneyGrpc.Server.Journey.Identity;
using JourneyGrpc.Server.Journey.Notes;
using JourneyGrpc.Server.Journey.Search;
using JourneyGrpc.Server.Journey.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.Journey;

/// <summary>The journey service's one entry point for a host.</summary>
public static class JourneyServerExtensions
{
    /// <summary>
    /// Adds <c>journeygrpc.journey.v1.JourneyService</c> and its components, with options from section
    /// <c>Journey</c> (validated at start-up). Needs <c>services.AddGrpcServer(configuration)</c> and
    /// <c>services.AddJourneyStore(configuration)</c> as well.
    /// </summary>
    public static IServiceCollection AddJourneyService(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<JourneyOptions>()
            .Bind(configuration.GetSection(JourneyOptions.SectionName))
            .Validate(o => o.AgentWindow > TimeSpan.Zero, "Journey:AgentWindow must be positive.")
            .Validate(o => o.MaxWriteAttempts is >= 1 and <= 100, "Journey:MaxWriteAttempts must be 1 to 100.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<JourneyOptions>>().Value);
        services.TryAddSingleton<ConcurrencyRetry>();
        services.TryAddSingleton<IdentityGraph>();
        services.TryAddSingleton<IdentifierTypeCatalog>();
        services.TryAddSingleton<JourneyLinker>();
        services.TryAddSingleton<IdentifierTypeService>();
        services.TryAddSingleton<AgentNoteReader>();
        services.TryAddSingleton<AgentNoteWriter>();
        services.TryAddSingleton<EngagementReader>();
        services.TryAddSingleton<EngagementWriter>();
        services.TryAddSingleton<JourneySearch>();
        services.TryAddSingleton<AgentListing>();
        services.TryAddSingleton<JourneyServiceImpl>();
        services.AddGrpcHealthReport(global::JourneyGrpc.Journey.V1.JourneyService.Descriptor.FullName);
        return services;
    }

    /// <summary>Maps every RPC of <c>journeygrpc.journey.v1.JourneyService</c> (gRPC; REST comes from the gateway's transcoding of the same methods).</summary>
    public static IEndpointConventionBuilder MapJourneyService(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGrpcService<JourneyServiceImpl>();
    }
}
