using JourneyGrpc.Store;

namespace JourneyGrpc.Server.WebEngagement.Storage;

/// <summary>
/// The newest sequence of a log, found with <see cref="IJourneyStore.ReadEventsAsync"/> alone: sequences are
/// 1, 2, 3… with no gaps, so "an event after s - 1 exists" is true exactly up to the head, and an
/// exponential then binary search finds it in about 2·log2(head) one-row reads, with no head record
/// that every writer would have to update.
/// </summary>
internal static class LogHead
{
    internal static async Task<long> ReadAsync(IJourneyStore store, string tenant, string log, CancellationToken cancellationToken)
    {
        async Task<bool> HasAsync(long sequence) =>
            (await store.ReadEventsAsync(tenant, log, sequence - 1, 1, cancellationToken).ConfigureAwait(false)).Count > 0;

        long low = 0;
        long high = 1;
        while (await HasAsync(high).ConfigureAwait(false))
        {
            low = high;
            high *= 2;
        }

        // low exists (or is 0), high does not.
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (await HasAsync(middle).ConfigureAwait(false))
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
