using System.Diagnostics;
using JourneyGrpc.Store;

namespace JourneyGrpc.Bench.WritePath;

/// <summary>
/// The product's store with counters around it: every call is one round trip to the database (a read or
/// a batch), a batch's <see cref="WriteBatch.Count"/> is the records (and appends) it writes, and a
/// concurrency or duplicate failure is a conflict the caller retries. Times are wall-clock waits, so a
/// write's time includes its wait for the group commit.
/// </summary>
internal sealed class CountingStore(IJourneyStore inner) : IJourneyStore
{
    private long _reads;
    private long _writes;
    private long _records;
    private long _conflicts;
    private long _readTicks;
    private long _writeTicks;

    internal StoreCounters Snapshot() => new(
        Interlocked.Read(ref _reads),
        Interlocked.Read(ref _writes),
        Interlocked.Read(ref _records),
        Interlocked.Read(ref _conflicts),
        Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _readTicks)),
        Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _writeTicks)));

    public Task<StoredRecord?> GetAsync(string tenant, string collection, string id, CancellationToken cancellationToken = default) =>
        ReadAsync(() => inner.GetAsync(tenant, collection, id, cancellationToken));

    public Task<IReadOnlyList<StoredRecord>> GetManyAsync(string tenant, string collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        ReadAsync(() => inner.GetManyAsync(tenant, collection, ids, cancellationToken));

    public Task<RecordPage> FindAsync(string tenant, IndexQuery query, CancellationToken cancellationToken = default) =>
        ReadAsync(() => inner.FindAsync(tenant, query, cancellationToken));

    public async Task<WriteResult> WriteAsync(string tenant, WriteBatch batch, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _writes);
        Interlocked.Add(ref _records, batch.Count);
        try
        {
            return await inner.WriteAsync(tenant, batch, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreException ex) when (ex is StoreConcurrencyException or StoreDuplicateException)
        {
            Interlocked.Increment(ref _conflicts);
            throw;
        }
        finally
        {
            Interlocked.Add(ref _writeTicks, Stopwatch.GetTimestamp() - started);
        }
    }

    public Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(string tenant, string log, long afterSequence, int maxCount, CancellationToken cancellationToken = default) =>
        ReadAsync(() => inner.ReadEventsAsync(tenant, log, afterSequence, maxCount, cancellationToken));

    public Task WaitForEventsAsync(string tenant, string log, long afterSequence, CancellationToken cancellationToken = default) =>
        inner.WaitForEventsAsync(tenant, log, afterSequence, cancellationToken);

    private async Task<T> ReadAsync<T>(Func<Task<T>> read)
    {
        var started = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _reads);
        try
        {
            return await read().ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Add(ref _readTicks, Stopwatch.GetTimestamp() - started);
        }
    }
}
