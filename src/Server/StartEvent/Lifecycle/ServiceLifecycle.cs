using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Server.StartEvent.Errors;
using JourneyGrpc.Server.StartEvent.Mapping;
using JourneyGrpc.Server.StartEvent.Storage;
using JourneyGrpc.StartEvent.V1;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.StartEvent.Lifecycle;

/// <summary>Start, associate, end and delete services, and set their extensions.</summary>
internal sealed class ServiceLifecycle(StartEventRecords records, IdAllocator ids, WriteRetry retry, TimeProvider time)
{
    internal async Task<long> StartAsync(string tenant, ServiceStartEvent e, CancellationToken ct)
    {
        var id = await ids.NextAsync(tenant, IdKind.Services, ct).ConfigureAwait(false);
        var service = new Service
        {
            ServiceId = id,
            ServiceType = EventRecords.Present(e.ServiceType),
            CustomerId = e.CustomerId,
            ContactKey = e.ContactKey,
            Started = EventRecords.Started(e, time.GetUtcNow()),
            Extensions = NonEmpty(e.Extensions),
        };
        if (e.HasEstDuration)
        {
            service.EstDuration = e.EstDuration;
        }

        await records.Store.WriteAsync(tenant, new WriteBatch().Insert(StartEventCollections.Services, StartEventIndexes.Id(id), service, StartEventIndexes.For(service)), ct).ConfigureAwait(false);
        return id;
    }

    /// <summary>
    /// Links the service to <paramref name="customerId"/>; a later association overrides an earlier
    /// one, so the service leaves the previous customer's (or the anonymous contact key's) history.
    /// Start-event fields in <paramref name="e"/> replace the recorded ones; extensions are replaced by name.
    /// </summary>
    internal Task AssociateAsync(string tenant, string customerId, long serviceId, ServiceStartEvent? e, CancellationToken ct) =>
        retry.RunAsync("associate service", tenant, serviceId, async () =>
        {
            var current = await records.GetServiceAsync(tenant, serviceId, ct).ConfigureAwait(false) ?? throw StartEventErrors.ServiceNotFound(tenant, serviceId);
            var service = current.Value.Clone();
            service.CustomerId = customerId;
            if (e is not null)
            {
                Apply(service, e);
            }

            await WriteAsync(tenant, service, current.Version, ct).ConfigureAwait(false);
            return true;
        });

    /// <summary>Ends the service; the same end event again changes nothing, a different one is FAILED_PRECONDITION.</summary>
    internal Task EndAsync(string tenant, long serviceId, EndEvent e, CancellationToken ct) =>
        retry.RunAsync("end service", tenant, serviceId, async () =>
        {
            var current = await records.GetServiceAsync(tenant, serviceId, ct).ConfigureAwait(false) ?? throw StartEventErrors.ServiceNotFound(tenant, serviceId);
            if (current.Value.Completed is { } completed)
            {
                return EventRecords.IsSameEnd(completed, current.Value.Extensions, e) ? true : throw StartEventErrors.EndedDifferently($"Service {serviceId}");
            }

            var service = current.Value.Clone();
            service.Completed = EventRecords.Completed(e, time.GetUtcNow());
            service.Extensions = EventRecords.Merge(service.Extensions, e.Extensions);
            await WriteAsync(tenant, service, current.Version, ct).ConfigureAwait(false);
            return true;
        });

    /// <summary>Deletes the service with its states and tasks, in one batch.</summary>
    internal Task DeleteAsync(string tenant, long serviceId, CancellationToken ct) =>
        retry.RunAsync("delete service", tenant, serviceId, async () =>
        {
            var current = await records.GetServiceAsync(tenant, serviceId, ct).ConfigureAwait(false) ?? throw StartEventErrors.ServiceNotFound(tenant, serviceId);
            var key = StartEventIndexes.Id(serviceId);
            var states = await records.FindAllAsync(tenant, StartEventCollections.States, StartEventCollections.ByService, key, State.Parser, ct).ConfigureAwait(false);
            var tasks = await records.FindAllAsync(tenant, StartEventCollections.Tasks, StartEventCollections.ByService, key, ServiceTask.Parser, ct).ConfigureAwait(false);
            var batch = new WriteBatch().Delete(StartEventCollections.Services, key, current.Version);
            states.ForEach(state => batch.Delete(StartEventCollections.States, StartEventIndexes.Id(state.StateId)));
            tasks.ForEach(task => batch.Delete(StartEventCollections.Tasks, StartEventIndexes.Id(task.TaskId)));
            await records.Store.WriteAsync(tenant, batch, ct).ConfigureAwait(false);
            return true;
        });

    internal Task UpdateExtensionAsync(string tenant, long serviceId, string name, Value value, CancellationToken ct) =>
        retry.RunAsync("update service extension", tenant, serviceId, async () =>
        {
            var current = await records.GetServiceAsync(tenant, serviceId, ct).ConfigureAwait(false) ?? throw StartEventErrors.ServiceNotFound(tenant, serviceId);
            var service = current.Value.Clone();
            service.Extensions ??= new Struct();
            service.Extensions.Fields[name] = value.Clone();
            await WriteAsync(tenant, service, current.Version, ct).ConfigureAwait(false);
            return true;
        });

    internal static Struct? NonEmpty(Struct? extensions) => extensions is { Fields.Count: > 0 } ? extensions.Clone() : null;

    // Associate Service: "the body may update some start-event fields (e.g. interaction ID, resource ID) and extension values".
    private static void Apply(Service service, ServiceStartEvent e)
    {
        service.ContactKey = e.ContactKey.Length > 0 ? e.ContactKey : service.ContactKey;
        service.ServiceType = EventRecords.Present(e.ServiceType) ?? service.ServiceType;
        if (e.HasEstDuration)
        {
            service.EstDuration = e.EstDuration;
        }

        var started = service.Started;
        started.SessionId = e.SessionId.Length > 0 ? e.SessionId : started.SessionId;
        started.InteractionId = e.InteractionId.Length > 0 ? e.InteractionId : started.InteractionId;
        started.ApplicationType = EventRecords.Present(e.ApplicationType) ?? started.ApplicationType;
        started.ResourceType = EventRecords.Present(e.ResourceType) ?? started.ResourceType;
        started.MediaType = EventRecords.Present(e.MediaType) ?? started.MediaType;
        if (e.HasApplicationId)
        {
            started.ApplicationId = e.ApplicationId;
        }

        if (e.HasResourceId)
        {
            started.ResourceId = e.ResourceId;
        }

        service.Extensions = EventRecords.Merge(service.Extensions, e.Extensions);
    }

    private Task WriteAsync(string tenant, Service service, long version, CancellationToken ct) =>
        records.Store.WriteAsync(tenant, new WriteBatch().Update(StartEventCollections.Services, StartEventIndexes.Id(service.ServiceId), version, service, StartEventIndexes.For(service)), ct);
}
