using System.Runtime.CompilerServices;

namespace JourneyGrpc.Store;

/// <summary>Reading an event log as a live stream.</summary>
public static class JourneyStoreEventExtensions
{
    /// <summary>
    /// Every event of <paramref name="log"/> after <paramref name="afterSequence"/>, then each new one as it
    /// is appended, until cancelled. It reads the log itself, in pages, so it never skips or repeats an
    /// event, and a slow reader holds no more than one page in memory.
    /// </summary>
    public static async IAsyncEnumerable<StoredEvent> TailEventsAsync(
        this IJourneyStore store, string tenant, string log, long afterSequence, int pageSize = 256, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var next = afterSequence;
        while (true)
        {
            var events = await store.ReadEventsAsync(tenant, log, next, pageSize, cancellationToken).ConfigureAwait(false);
            foreach (var stored in events)
            {
                next = stored.Sequence;
                yield return stored;
            }

            if (events.Count < pageSize)
            {
                await store.WaitForEventsAsync(tenant, log, next, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
