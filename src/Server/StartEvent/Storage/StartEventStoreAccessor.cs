using JourneyGrpc.Store;

namespace JourneyGrpc.Server.StartEvent.Storage;

/// <summary>
/// The store, resolved on first use rather than when the service is mapped, so that a bad
/// <c>Store</c> section is reported by the host at start-up.
/// </summary>
internal sealed class StartEventStoreAccessor
{
    private readonly Lazy<IJourneyStore> _store;

    internal StartEventStoreAccessor(IServiceProvider services) => _store = new(services.GetRequiredService<IJourneyStore>);

    internal IJourneyStore Store => _store.Value;
}
