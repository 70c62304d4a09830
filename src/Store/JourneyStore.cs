using JourneyGrpc.Store.Internal;
using JourneyGrpc.Store.Internal.LiteDb;
using JourneyGrpc.Store.Internal.Postgres;
using JourneyGrpc.Store.Internal.Sqlite;
using JourneyGrpc.Store.Internal.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JourneyGrpc.Store;

/// <summary>
/// The store on LiteDB, SQLite or PostgreSQL, chosen by <see cref="JourneyStoreOptions.Provider"/>.
/// <see cref="StartAsync"/> opens the database and applies pending migrations (the first operation
/// does it too if nobody called it); <see cref="DisposeAsync"/> commits what is queued and closes.
/// </summary>
public sealed class JourneyStore : IJourneyStore, IAsyncDisposable
{
    private const int MaxIds = 1000;
    private const int MaxKeys = 100;
    private const int MaxPage = 1000;
    private const int MaxEvents = 10_000;

    private readonly IStoreEngine _engine;
    private readonly JourneyStoreOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly EventSignals _signals;
    private readonly string _provider;
    private readonly Lock _startLock = new();
    private Task? _started;
    private volatile bool _disposed;

    private JourneyStore(IStoreEngine engine, string provider, EventSignals signals, JourneyStoreOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _engine = engine;
        _provider = provider;
        _signals = signals;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Names the database, e.g. <c>SQLite store /srv/journeygrpc/data/journeygrpc.db</c>.</summary>
    public string Description => _engine.Description;

    /// <summary>The schema version after start-up migrations.</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>How many write transactions have committed; fewer than the batches written when group commit works.</summary>
    public long CommitCount => _engine.CommitCount;

    /// <summary>The database engine (for tests of a provider's internals).</summary>
    internal IStoreEngine Engine => _engine;

    /// <summary>Creates the store without touching the database; throws <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> for invalid options.</summary>
    public static JourneyStore Create(JourneyStoreOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        JourneyStoreOptionsValidator.ThrowIfInvalid(options);
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("JourneyGrpc.Store");
        timeProvider ??= TimeProvider.System;
        var signals = new EventSignals();
        var maxBatches = options.GroupCommit ? options.MaxBatchesPerCommit : 1;
        var provider = JourneyStoreOptionsValidator.ProviderOf(options);
        var metrics = new StoreMetrics(provider);
        IStoreEngine engine = provider switch
        {
            JourneyStoreOptions.LiteDb => new LiteDbEngine(options, signals, maxBatches, timeProvider, logger, metrics),
            JourneyStoreOptions.Postgres => new SqlStoreEngine(new PostgresBackend(options, timeProvider, logger), signals, maxBatches, timeProvider, logger, metrics),
            _ => new SqlStoreEngine(new SqliteBackend(options, timeProvider, logger), signals, maxBatches, timeProvider, logger, metrics),
        };
        return new JourneyStore(engine, provider, signals, options, timeProvider, logger);
    }

    /// <summary>Creates the store and starts it.</summary>
    public static async Task<JourneyStore> OpenAsync(JourneyStoreOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        var store = Create(options, loggerFactory, timeProvider);
        try
        {
            await store.StartAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens the database and migrates it; a failure is a <see cref="StoreFailureException"/> saying why.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_startLock)
        {
            _started ??= StartCoreAsync();
        }

        return _started.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<StoredRecord?> GetAsync(string tenant, string collection, string id, CancellationToken cancellationToken = default)
    {
        StoreNames.Validate(tenant, nameof(tenant));
        StoreNames.Validate(collection, nameof(collection));
        StoreNames.ValidateId(id, nameof(id));
        return ReadAsync("get", collection, () => _engine.GetAsync(tenant, collection, id, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredRecord>> GetManyAsync(string tenant, string collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        StoreNames.Validate(tenant, nameof(tenant));
        StoreNames.Validate(collection, nameof(collection));
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count > MaxIds)
        {
            throw new ArgumentException($"At most {MaxIds} ids can be read at once.", nameof(ids));
        }

        foreach (var id in ids)
        {
            StoreNames.ValidateId(id, nameof(ids));
        }

        return ReadAsync("get_many", collection, () => _engine.GetManyAsync(tenant, collection, ids, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<RecordPage> FindAsync(string tenant, IndexQuery query, CancellationToken cancellationToken = default)
    {
        StoreNames.Validate(tenant, nameof(tenant));
        ArgumentNullException.ThrowIfNull(query);
        StoreNames.Validate(query.Collection, nameof(query));
        StoreNames.Validate(query.Index, nameof(query));
        ArgumentNullException.ThrowIfNull(query.Keys, nameof(query));
        if (query.Keys.Count is 0 or > MaxKeys || query.Limit is < 1 or > MaxPage || query.Offset < 0 || query.SortFrom > query.SortTo)
        {
            throw new ArgumentException($"A query needs 1 to {MaxKeys} keys, a limit of 1 to {MaxPage}, an offset of 0 or more, and SortFrom ≤ SortTo.", nameof(query));
        }

        foreach (var key in query.Keys)
        {
            StoreNames.ValidateKey(key, nameof(query));
        }

        return ReadAsync("find", query.Collection, () => _engine.FindAsync(tenant, query, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<WriteResult> WriteAsync(string tenant, WriteBatch batch, CancellationToken cancellationToken = default)
    {
        StoreNames.Validate(tenant, nameof(tenant));
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return new WriteResult([], []);
        }

        using var activity = StoreTracing.Start("write", _provider, batch.Count == 1 ? batch.Operations[0].Target : "batch");
        try
        {
            await StartAsync(cancellationToken).ConfigureAwait(false);
            return await _engine.WriteAsync(tenant, batch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (activity is not null)
        {
            StoreTracing.Failed(activity, ex);
            throw;
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(string tenant, string log, long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        StoreNames.Validate(tenant, nameof(tenant));
        StoreNames.Validate(log, nameof(log));
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxCount, MaxEvents);
        return ReadAsync("read_events", log, () => _engine.ReadEventsAsync(tenant, log, afterSequence, maxCount, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public async Task WaitForEventsAsync(string tenant, string log, long afterSequence, CancellationToken cancellationToken = default)
    {
        StoreNames.Validate(tenant, nameof(tenant));
        StoreNames.Validate(log, nameof(log));
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        while (true)
        {
            // The signal is taken before the head is read: an append committed in between pulses it.
            var signal = _signals.Next(tenant, log);
            if (await ReadAsync(operation: null, log, () => _engine.LogHeadAsync(tenant, log, cancellationToken), cancellationToken).ConfigureAwait(false) > afterSequence)
            {
                return;
            }

            if (_engine.EventPollInterval is { } poll)
            {
                try
                {
                    await signal.WaitAsync(poll, _timeProvider, cancellationToken).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    // Re-read the head: a safety net in case a notification was lost.
                }
            }
            else
            {
                await signal.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Commits the batches already queued, then closes every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _engine.DisposeAsync().ConfigureAwait(false);
        _signals.PulseAll();
    }

    private async Task StartCoreAsync()
    {
        try
        {
            // Not the caller's token: the start is shared by every caller, and a cancelled wait only stops waiting.
            SchemaVersion = await _engine.StartAsync(_signals, _options.SchemaTargetVersion, CancellationToken.None).ConfigureAwait(false);
            StoreLog.Opened(_logger, _engine.Description, SchemaVersion, _options.GroupCommit);
        }
        catch (Exception ex) when (_engine.TranslateFailure(ex) is { } failure && !ReferenceEquals(failure, ex))
        {
            throw failure;
        }
    }

    /// <summary>A read, in a span named for <paramref name="operation"/> (none when null: the log-head polls of a wait).</summary>
    private async Task<T> ReadAsync<T>(string? operation, string collection, Func<Task<T>> read, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await StartAsync(cancellationToken).ConfigureAwait(false);
        using var activity = operation is null ? null : StoreTracing.Start(operation, _provider, collection);
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not StoreException && _engine.TranslateFailure(ex) is { } failure)
        {
            StoreTracing.Failed(activity, failure);
            throw failure;
        }
        catch (Exception ex) when (activity is not null)
        {
            StoreTracing.Failed(activity, ex);
            throw;
        }
    }
}
