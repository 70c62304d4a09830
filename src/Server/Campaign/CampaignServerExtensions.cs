using JourneyGrpc.Server.Campaign.Reporting;
using JourneyGrpc.Server.Campaign.Storage;
using JourneyGrpc.Server.Campaign.Validation;
using JourneyGrpc.Server.Campaign.Watching;
using JourneyGrpc.Server.Hosting.Grpc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.Campaign;

/// <summary>
/// Adds and maps <c>journeygrpc.campaign.v1.CampaignStatusService</c>: OCS campaign-group notifications
/// in, a live server-streaming watch out. Needs <c>services.AddGrpcServer(configuration)</c> and
/// <c>services.AddJourneyStore(configuration)</c>.
/// </summary>
public static class CampaignServerExtensions
{
    /// <summary>Registers the service; options bind from section <c>CampaignStatus</c> and are validated at start-up.</summary>
    public static IServiceCollection AddCampaignStatus(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CampaignStatusOptions>().Bind(configuration.GetSection(CampaignStatusOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CampaignStatusOptions>, CampaignStatusOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new CampaignStoreAccessor(provider));
        services.TryAddSingleton<CampaignReportWriter>();
        services.TryAddSingleton<CampaignEventHub>();
        services.TryAddSingleton<CampaignStatusServiceImpl>();
        services.AddGrpcHealthReport(global::JourneyGrpc.Campaign.V1.CampaignStatusService.Descriptor.FullName);
        return services;
    }

    /// <summary>Maps the service's gRPC methods.</summary>
    public static IEndpointConventionBuilder MapCampaignStatus(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGrpcService<CampaignStatusServiceImpl>();
    }
}
