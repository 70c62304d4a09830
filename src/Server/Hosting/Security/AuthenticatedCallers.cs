using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;

namespace JourneyGrpc.Server.Hosting.Security;

/// <summary>
/// Callers already authenticated, by the credential they sent (the whole <c>authorization</c> or <c>appkey</c>
/// value), so a client sending the same credential on every call is authenticated once, not per call. An entry
/// lasts until its token expires or for <see cref="MaxAge"/>, whichever comes first (a key withdrawn from the
/// configuration or the authority's metadata stops being honoured within that time). Principals are shared
/// between calls and never changed. Bounded: past <see cref="MaxEntries"/> it starts again empty.
/// </summary>
internal sealed class AuthenticatedCallers(TimeProvider timeProvider)
{
    internal const int MaxEntries = 10_000;
    internal static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    internal int Count => _entries.Count;

    internal bool TryGet(string credential, [NotNullWhen(true)] out ClaimsPrincipal? caller)
    {
        if (_entries.TryGetValue(credential, out var entry))
        {
            if (entry.Until > timeProvider.GetUtcNow())
            {
                caller = entry.Caller;
                return true;
            }

            _entries.TryRemove(credential, out _);
        }

        caller = null;
        return false;
    }

    /// <summary>Remembers <paramref name="caller"/> for <paramref name="credential"/> until <paramref name="expires"/> (its token's expiry, if any) or <see cref="MaxAge"/>.</summary>
    internal void Add(string credential, ClaimsPrincipal caller, DateTimeOffset? expires)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        var until = timeProvider.GetUtcNow() + MaxAge;
        _entries[credential] = new Entry(caller, expires is { } at && at < until ? at : until);
    }

    private sealed record Entry(ClaimsPrincipal Caller, DateTimeOffset Until);
}
