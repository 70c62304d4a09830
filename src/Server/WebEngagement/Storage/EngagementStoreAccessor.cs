using JourneyGrpc.Store;

namespace JourneyGrpc.Server.WebEngagement.Storage;

/// <summary>
/// The store, resolved on first use rather than when the service is mapped (mapping happens while the
/// host is built; resolving the store then would validate its options there instead of at start-up).
/// </summary>
internal sealed class EngagementStoreAccessor
{
    private readonly Lazy<IJourneyStore> _store;

    internal EngagementStoreAccessor(IServiceProvider services) => _store = new(services.GetRequiredService<IJourneyStore>);

    internal IJourneyStore Store => _store.Value;
}
