namespace JourneyGrpc.Store;

/// <summary>
/// The store the domain services use: protobuf records with caller-supplied index entries, atomic
/// write batches with optimistic concurrency, and per-tenant event logs. Every operation is scoped
/// to one tenant (an account); nothing reads or writes across tenants.
/// </summary>
/// <remarks>
/// A write is acknowledged only once it is durable (SQLite WAL with <c>synchronous=FULL</c>, a LiteDB
/// commit whose log the provider has fsynced, or a PostgreSQL commit). Failures are <see cref="StoreException"/>s: <see cref="StoreConcurrencyException"/>
/// (stale version), <see cref="StoreDuplicateException"/> (id or unique key taken) and
/// <see cref="StoreFailureException"/> (the database is locked, read-only, corrupt, full or unreachable).
/// </remarks>
public interface IJourneyStore
{
    /// <summary>The record <paramref name="id"/> of <paramref name="collection"/>, or null.</summary>
    Task<StoredRecord?> GetAsync(string tenant, string collection, string id, CancellationToken cancellationToken = default);

    /// <summary>The records among <paramref name="ids"/> that exist, in the order asked; at most 1000 ids.</summary>
    Task<IReadOnlyList<StoredRecord>> GetManyAsync(string tenant, string collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>One page of the records with an index entry matching <paramref name="query"/>, sorted by the entries' sort value, plus the total.</summary>
    Task<RecordPage> FindAsync(string tenant, IndexQuery query, CancellationToken cancellationToken = default);

    /// <summary>Applies <paramref name="batch"/> all-or-nothing; returns once it is durable.</summary>
    Task<WriteResult> WriteAsync(string tenant, WriteBatch batch, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="maxCount"/> events of <paramref name="log"/> with a sequence above <paramref name="afterSequence"/>, in sequence order.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(string tenant, string log, long afterSequence, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Completes once <paramref name="log"/> has an event with a sequence above <paramref name="afterSequence"/> (at once if it has one already).</summary>
    Task WaitForEventsAsync(string tenant, string log, long afterSequence, CancellationToken cancellationToken = default);
}
