using JourneyGrpc.Server.StartEvent.Errors;
using JourneyGrpc.Server.StartEvent.Mapping;
using JourneyGrpc.Server.StartEvent.Storage;
using JourneyGrpc.StartEvent.V1;

namespace JourneyGrpc.Server.StartEvent.Queries;

/// <summary>Query Service by ID and Query Services (by customer, anonymous by contact key): index reads only.</summary>
internal sealed class ServiceQueries(StartEventRecords records)
{
    internal async Task<Service> GetAsync(string tenant, GetServiceRequest request, CancellationToken ct)
    {
        var service = (await records.GetServiceAsync(tenant, request.ServiceId, ct).ConfigureAwait(false) ?? throw StartEventErrors.ServiceNotFound(tenant, request.ServiceId)).Value;
        var filter = ExtensionFilter.From(request.Extensions);
        service.Extensions = filter.Own(service.Extensions);
        var key = StartEventIndexes.Id(request.ServiceId);
        if (request.ActiveStates)
        {
            service.ActiveStates.Add(await StatesAsync(tenant, key, ResourceStatus.Active, filter, ct).ConfigureAwait(false));
        }

        if (request.CompletedStates)
        {
            service.CompletedStates.Add(await StatesAsync(tenant, key, ResourceStatus.Completed, filter, ct).ConfigureAwait(false));
        }

        if (request.ActiveTasks)
        {
            service.ActiveTasks.Add(await TasksAsync(tenant, key, ResourceStatus.Active, filter, ct).ConfigureAwait(false));
        }

        if (request.CompletedTasks)
        {
            service.CompletedTasks.Add(await TasksAsync(tenant, key, ResourceStatus.Completed, filter, ct).ConfigureAwait(false));
        }

        return service;
    }

    /// <summary>
    /// The services with <paramref name="key"/> in <paramref name="index"/> (customer or contact key),
    /// newest first, started within [<paramref name="from"/>, <paramref name="to"/>), of the given types.
    /// </summary>
    internal async Task<List<Service>> FindAsync(string tenant, string index, string key, string status, long? from, long? to, IReadOnlyCollection<string> serviceTypes, CancellationToken ct)
    {
        var name = status.Length == 0 ? index : StartEventCollections.Subset(index, status);
        var services = await records.FindAllAsync(tenant, StartEventCollections.Services, name, key, Service.Parser, ct, from ?? long.MinValue, to is { } end ? end - 1 : long.MaxValue, descending: true).ConfigureAwait(false);
        var types = new TypeFilter(serviceTypes);
        return services.FindAll(service => types.Matches(service.ServiceType));
    }

    private async Task<List<State>> StatesAsync(string tenant, string key, string status, ExtensionFilter filter, CancellationToken ct)
    {
        var states = await records.FindAllAsync(tenant, StartEventCollections.States, StartEventCollections.Subset(StartEventCollections.ByService, status), key, State.Parser, ct).ConfigureAwait(false);
        states.ForEach(state => state.Extensions = filter.States(state.Extensions));
        return states;
    }

    private async Task<List<ServiceTask>> TasksAsync(string tenant, string key, string status, ExtensionFilter filter, CancellationToken ct)
    {
        var tasks = await records.FindAllAsync(tenant, StartEventCollections.Tasks, StartEventCollections.Subset(StartEventCollections.ByService, status), key, ServiceTask.Parser, ct).ConfigureAwait(false);
        tasks.ForEach(task => task.Extensions = filter.Tasks(task.Extensions));
        return tasks;
    }
}
