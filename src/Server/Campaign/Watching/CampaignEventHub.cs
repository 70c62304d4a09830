using JourneyGrpc.Server.Campaign.Storage;
using JourneyGrpc.Server.Campaign.Tenants;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.Campaign.Watching;

/// <summary>The live feeds of this process, one per tenant, created by the first watch of the tenant.</summary>
internal sealed class CampaignEventHub : IAsyncDisposable
{
    private readonly PerTenant<TenantEventFeed> _feeds;

    public CampaignEventHub(CampaignStoreAccessor stores, IOptions<CampaignStatusOptions> options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger(CampaignLog.Category);
        _feeds = new PerTenant<TenantEventFeed>(tenant => new TenantEventFeed(tenant, stores.Store, options.Value, timeProvider, logger));
    }

    /// <summary>The feed of <paramref name="tenant"/>.</summary>
    internal TenantEventFeed GetFeed(string tenant) => _feeds.Get(tenant);

    public ValueTask DisposeAsync() => _feeds.DisposeAsync();
}
