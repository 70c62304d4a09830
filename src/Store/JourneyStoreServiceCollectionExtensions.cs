using JourneyGrpc.Store.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Store;

/// <summary>Registers the store.</summary>
public static class JourneyStoreServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IJourneyStore"/> configured from section <c>Store</c> of <paramref name="configuration"/>.
    /// The options are validated and the database is opened and migrated when the host starts, so a
    /// bad configuration or an unusable database stops start-up with a message saying why.
    /// </summary>
    public static IServiceCollection AddJourneyStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<JourneyStoreOptions>().Bind(configuration.GetSection(JourneyStoreOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JourneyStoreOptions>, JourneyStoreOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => JourneyStore.Create(
            provider.GetRequiredService<IOptions<JourneyStoreOptions>>().Value,
            provider.GetService<ILoggerFactory>(),
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IJourneyStore>(provider => provider.GetRequiredService<JourneyStore>());
        services.AddHostedService<JourneyStoreStarter>();
        return services;
    }
}
