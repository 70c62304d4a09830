using JourneyGrpc.Server.StartEvent.Errors;
using JourneyGrpc.Server.StartEvent.Mapping;
using JourneyGrpc.Server.StartEvent.Storage;
using JourneyGrpc.StartEvent.V1;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.StartEvent.Lifecycle;

/// <summary>Start and end tasks; a start is refused once the service has ended (see <see cref="ServiceGuard"/>).</summary>
internal sealed class TaskLifecycle(StartEventRecords records, ServiceGuard guard, IdAllocator ids, WriteRetry retry, TimeProvider time)
{
    internal async Task<int> StartAsync(string tenant, long serviceId, TaskStartEvent e, CancellationToken ct)
    {
        int? id = null;
        return await retry.RunAsync("start task", tenant, serviceId, async () =>
        {
            var service = await guard.ActiveServiceAsync(tenant, serviceId, "a task cannot start on it", ct).ConfigureAwait(false);
            if (e.HasStateId && await records.GetStateAsync(tenant, serviceId, e.StateId, ct).ConfigureAwait(false) is null)
            {
                throw StartEventErrors.StateNotFound(serviceId, e.StateId);
            }

            id ??= (int)await ids.NextAsync(tenant, IdKind.Tasks, ct).ConfigureAwait(false);
            var task = new ServiceTask
            {
                ServiceId = serviceId,
                TaskId = id.Value,
                TaskType = EventRecords.Present(e.TaskType),
                Started = EventRecords.Started(e, time.GetUtcNow()),
                Extensions = ServiceLifecycle.NonEmpty(e.Extensions),
            };
            if (e.HasStateId)
            {
                task.StateId = e.StateId;
            }

            if (e.HasEstDuration)
            {
                task.EstDuration = e.EstDuration;
            }

            await records.Store.WriteAsync(tenant, ServiceGuard.Guarded(service).Insert(StartEventCollections.Tasks, StartEventIndexes.Id(task.TaskId), task, StartEventIndexes.For(task)), ct).ConfigureAwait(false);
            return task.TaskId;
        }).ConfigureAwait(false);
    }

    internal Task EndAsync(string tenant, long serviceId, int taskId, EndEvent e, CancellationToken ct) =>
        retry.RunAsync("end task", tenant, serviceId, async () =>
        {
            var current = await records.GetTaskAsync(tenant, serviceId, taskId, ct).ConfigureAwait(false) ?? throw StartEventErrors.TaskNotFound(serviceId, taskId);
            if (current.Value.Completed is { } completed)
            {
                return EventRecords.IsSameEnd(completed, current.Value.Extensions, e) ? true : throw StartEventErrors.EndedDifferently($"Task {taskId} of service {serviceId}");
            }

            var task = current.Value.Clone();
            task.Completed = EventRecords.Completed(e, time.GetUtcNow());
            task.Extensions = EventRecords.Merge(task.Extensions, e.Extensions);
            await records.Store.WriteAsync(tenant, new WriteBatch().Update(StartEventCollections.Tasks, StartEventIndexes.Id(taskId), current.Version, task, StartEventIndexes.For(task)), ct).ConfigureAwait(false);
            return true;
        });
}
