using JourneyGrpc.Server.StartEvent.Errors;
using JourneyGrpc.Server.StartEvent.Mapping;
using JourneyGrpc.Server.StartEvent.Storage;
using JourneyGrpc.StartEvent.V1;

namespace JourneyGrpc.Server.StartEvent.Queries;

/// <summary>Query Task by ID, and Query Tasks: the by-service (or by-state) index, then the type filter.</summary>
internal sealed class TaskQueries(StartEventRecords records)
{
    internal async Task<ServiceTask> GetAsync(string tenant, long serviceId, int taskId, CancellationToken ct) =>
        (await records.GetTaskAsync(tenant, serviceId, taskId, ct).ConfigureAwait(false) ?? throw StartEventErrors.TaskNotFound(serviceId, taskId)).Value;

    internal async Task<List<ServiceTask>> QueryAsync(string tenant, QueryTasksRequest request, CancellationToken ct)
    {
        _ = await records.GetServiceAsync(tenant, request.ServiceId, ct).ConfigureAwait(false) ?? throw StartEventErrors.ServiceNotFound(tenant, request.ServiceId);
        List<ServiceTask> tasks;
        if (request.HasStateId)
        {
            tasks = await records.FindAllAsync(tenant, StartEventCollections.Tasks, StartEventCollections.ByState, StartEventIndexes.StateKey(request.ServiceId, request.StateId), ServiceTask.Parser, ct).ConfigureAwait(false);
            tasks = request.Status switch
            {
                ResourceStatus.Active => tasks.FindAll(task => task.Completed is null),
                ResourceStatus.Completed => tasks.FindAll(task => task.Completed is not null),
                _ => tasks,
            };
        }
        else
        {
            var index = request.Status.Length == 0 ? StartEventCollections.ByService : StartEventCollections.Subset(StartEventCollections.ByService, request.Status);
            tasks = await records.FindAllAsync(tenant, StartEventCollections.Tasks, index, StartEventIndexes.Id(request.ServiceId), ServiceTask.Parser, ct).ConfigureAwait(false);
        }

        var types = new TypeFilter(request.TaskTypes);
        var extensions = ExtensionFilter.From(request.Extensions, "Task.");
        tasks = tasks.FindAll(task => types.Matches(task.TaskType));
        tasks.ForEach(task => task.Extensions = extensions.Own(task.Extensions));
        return tasks;
    }
}
