using Google.Protobuf;
using JourneyGrpc.StartEvent.V1;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.StartEvent.Storage;

/// <summary>Typed reads of services, states and tasks, and whole-index reads for the queries.</summary>
internal sealed class StartEventRecords(StartEventStoreAccessor stores)
{
    private const int PageSize = 1000;

    internal IJourneyStore Store => stores.Store;

    internal Task<Versioned<Service>?> GetServiceAsync(string tenant, long serviceId, CancellationToken ct) =>
        GetAsync(tenant, StartEventCollections.Services, serviceId, Service.Parser, ct);

    /// <summary>The state, if it exists and belongs to <paramref name="serviceId"/>.</summary>
    internal async Task<Versioned<State>?> GetStateAsync(string tenant, long serviceId, int stateId, CancellationToken ct)
    {
        var state = await GetAsync(tenant, StartEventCollections.States, stateId, State.Parser, ct).ConfigureAwait(false);
        return state?.Value.ServiceId == serviceId ? state : null;
    }

    /// <summary>The task, if it exists and belongs to <paramref name="serviceId"/>.</summary>
    internal async Task<Versioned<ServiceTask>?> GetTaskAsync(string tenant, long serviceId, int taskId, CancellationToken ct)
    {
        var task = await GetAsync(tenant, StartEventCollections.Tasks, taskId, ServiceTask.Parser, ct).ConfigureAwait(false);
        return task?.Value.ServiceId == serviceId ? task : null;
    }

    /// <summary>Every record of <paramref name="collection"/> with <paramref name="key"/> in <paramref name="index"/>, page by page.</summary>
    internal async Task<List<T>> FindAllAsync<T>(string tenant, string collection, string index, string key, MessageParser<T> parser, CancellationToken ct, long sortFrom = long.MinValue, long sortTo = long.MaxValue, bool descending = false)
        where T : IMessage<T>
    {
        var found = new List<T>();
        for (var offset = 0; ; offset += PageSize)
        {
            var query = new IndexQuery(collection, index, key) { Limit = PageSize, Offset = offset, SortFrom = sortFrom, SortTo = sortTo, Descending = descending };
            var page = await stores.Store.FindAsync(tenant, query, ct).ConfigureAwait(false);
            found.AddRange(page.Records.Select(record => record.Parse(parser)));
            if (page.Records.Count < PageSize || offset + page.Records.Count >= page.Total)
            {
                return found;
            }
        }
    }

    private async Task<Versioned<T>?> GetAsync<T>(string tenant, string collection, long id, MessageParser<T> parser, CancellationToken ct)
        where T : IMessage<T>
    {
        var record = await stores.Store.GetAsync(tenant, collection, StartEventIndexes.Id(id), ct).ConfigureAwait(false);
        return record is null ? null : new Versioned<T>(record.Parse(parser), record.Version);
    }
}
