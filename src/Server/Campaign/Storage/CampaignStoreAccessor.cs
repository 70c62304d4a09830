using JourneyGrpc.Store;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyGrpc.Server.Campaign.Storage;

/// <summary>
/// The store, resolved on first use rather than when the service is mapped: mapping happens while
/// the host is built, and resolving the store then would validate its options there, instead of
/// at start-up where the host reports a bad <c>Store</c> section.
/// </summary>
internal sealed class CampaignStoreAccessor
{
    private readonly Lazy<IJourneyStore> _store;

    internal CampaignStoreAccessor(IServiceProvider services) => _store = new(services.GetRequiredService<IJourneyStore>);

    internal CampaignStoreAccessor(IJourneyStore store) => _store = new(store);

    internal IJourneyStore Store => _store.Value;
}
