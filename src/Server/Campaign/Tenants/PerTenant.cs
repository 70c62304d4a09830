using System.Collections.Concurrent;

namespace JourneyGrpc.Server.Campaign.Tenants;

/// <summary>One <typeparamref name="T"/> per tenant, created on first use and disposed together.</summary>
internal sealed class PerTenant<T>(Func<string, T> create) : IAsyncDisposable
    where T : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<T>> _items = new(StringComparer.Ordinal);
    private volatile bool _disposed;

    /// <summary>The instance of <paramref name="tenant"/>, created by the first caller.</summary>
    internal T Get(string tenant)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _items.GetOrAdd(tenant, t => new Lazy<T>(() => create(t))).Value;
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        foreach (var item in _items.Values.Where(i => i.IsValueCreated))
        {
            await item.Value.DisposeAsync().ConfigureAwait(false);
        }
    }
}
