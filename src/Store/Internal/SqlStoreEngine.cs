using System.Data.Common;
using JourneyGrpc.Store.Internal.Telemetry;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Store.Internal;

/// <summary>SQLite or PostgreSQL: shared SQL, a group-commit writer connection and pooled reader connections.</summary>
internal sealed class SqlStoreEngine : IStoreEngine
{
    private readonly IStoreBackend _backend;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly RecordQueries _queries;
    private readonly BatchApplier _applier;
    private readonly GroupCommitWriter _writer;
    private readonly EventSignals _signals;

    internal SqlStoreEngine(IStoreBackend backend, EventSignals signals, int maxBatchesPerCommit, TimeProvider timeProvider, ILogger logger, StoreMetrics metrics)
    {
        _backend = backend;
        _signals = signals;
        _timeProvider = timeProvider;
        _logger = logger;
        _queries = new RecordQueries(backend);
        _applier = new BatchApplier(backend, timeProvider);
        _writer = new GroupCommitWriter(backend, _applier, signals, maxBatchesPerCommit, logger, metrics);
    }

    public string Description => _backend.Description;

    public long CommitCount => _writer.CommitCount;

    public TimeSpan? EventPollInterval => _backend.EventPollInterval;

    public async Task<int> StartAsync(EventSignals signals, int? targetVersion, CancellationToken cancellationToken)
    {
        DbConnection? writer = null;
        try
        {
            writer = await _backend.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
            var schemaVersion = await Migrator.MigrateAsync(writer, _backend, _timeProvider, _logger, targetVersion, cancellationToken).ConfigureAwait(false);
            await _backend.StartEventSignalsAsync(_signals, cancellationToken).ConfigureAwait(false);
            _applier.UseSchema(schemaVersion);
            _writer.Start(writer);
            return schemaVersion;
        }
        catch
        {
            if (writer is not null)
            {
                await writer.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    public Task<StoredRecord?> GetAsync(string tenant, string collection, string id, CancellationToken cancellationToken) =>
        _queries.GetAsync(tenant, collection, id, cancellationToken);

    public Task<IReadOnlyList<StoredRecord>> GetManyAsync(string tenant, string collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        _queries.GetManyAsync(tenant, collection, ids, cancellationToken);

    public Task<RecordPage> FindAsync(string tenant, IndexQuery query, CancellationToken cancellationToken) =>
        _queries.FindAsync(tenant, query, cancellationToken);

    public Task<WriteResult> WriteAsync(string tenant, WriteBatch batch, CancellationToken cancellationToken) =>
        _writer.EnqueueAsync(tenant, batch, cancellationToken);

    public Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(string tenant, string log, long afterSequence, int maxCount, CancellationToken cancellationToken) =>
        _queries.ReadEventsAsync(tenant, log, afterSequence, maxCount, cancellationToken);

    public Task<long> LogHeadAsync(string tenant, string log, CancellationToken cancellationToken) =>
        _queries.LogHeadAsync(tenant, log, cancellationToken);

    public StoreFailureException? TranslateFailure(Exception exception) => _backend.TranslateFailure(exception);

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        await _backend.DisposeAsync().ConfigureAwait(false);
    }
}
