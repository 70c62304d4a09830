using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.Campaign.Internal;

/// <summary>The live feeds of this process, one per tenant, created by the first watch of the tenant.</summary>
internal sealed class CampaignEventHub(CampaignStoreAccessor stores, IOptions<CampaignStatusOptions> options, TimeProvider timeProvider, ILoggerFactory loggerFactory) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<TenantEventFeed>> _feeds = new(StringComparer.Ordinal);
    private readonly ILogger _logger = loggerFactory.CreateLogger(CampaignLog.Category);
    private volatile bool _disposed;

    /// <summary>The feed of <paramref name="tenant"/>.</summary>
    internal TenantEventFeed GetFeed(string tenant)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _feeds.GetOrAdd(tenant, t => new Lazy<TenantEventFeed>(() => new TenantEventFeed(t, stores.Store, options.Value, timeProvider, _logger))).Value;
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        foreach (var feed in _feeds.Values.Where(f => f.IsValueCreated))
        {
            await feed.Value.DisposeAsync().ConfigureAwait(false);
        }
    }
}
