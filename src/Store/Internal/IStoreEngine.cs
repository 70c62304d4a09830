namespace JourneyGrpc.Store.Internal;

/// <summary>
/// One database behind <see cref="JourneyStore"/>: the SQL engine (SQLite, PostgreSQL) or LiteDB. Arguments
/// arrive validated; failures the engine recognises come out as <see cref="StoreException"/>s.
/// </summary>
internal interface IStoreEngine : IAsyncDisposable
{
    /// <summary>Names the database in messages and logs.</summary>
    string Description { get; }

    /// <summary>How many write transactions have committed.</summary>
    long CommitCount { get; }

    /// <summary>How often waiters re-read a log head even without a signal; null to rely on signals alone.</summary>
    TimeSpan? EventPollInterval { get; }

    /// <summary>Opens the database, migrates it up to <paramref name="targetVersion"/> (default: newest), starts the writer; returns the schema version.</summary>
    Task<int> StartAsync(EventSignals signals, int? targetVersion, CancellationToken cancellationToken);

    Task<StoredRecord?> GetAsync(string tenant, string collection, string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredRecord>> GetManyAsync(string tenant, string collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    Task<RecordPage> FindAsync(string tenant, IndexQuery query, CancellationToken cancellationToken);

    Task<WriteResult> WriteAsync(string tenant, WriteBatch batch, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(string tenant, string log, long afterSequence, int maxCount, CancellationToken cancellationToken);

    Task<long> LogHeadAsync(string tenant, string log, CancellationToken cancellationToken);

    /// <summary>A <see cref="StoreFailureException"/> describing <paramref name="exception"/>, or null if it is not a database failure.</summary>
    StoreFailureException? TranslateFailure(Exception exception);
}
