using JourneyGrpc.Server.StartEvent.Errors;
using JourneyGrpc.Server.StartEvent.Storage;
using JourneyGrpc.StartEvent.V1;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.StartEvent.Lifecycle;

/// <summary>
/// "A state or task cannot start on an ended service": the service is read and checked, then
/// written back unchanged at its version in the same batch as the new state or task, so an end
/// committed in between makes the batch fail (and the retry sees the ended service).
/// </summary>
internal sealed class ServiceGuard(StartEventRecords records)
{
    internal async Task<Versioned<Service>> ActiveServiceAsync(string tenant, long serviceId, string what, CancellationToken ct)
    {
        var service = await records.GetServiceAsync(tenant, serviceId, ct).ConfigureAwait(false) ?? throw StartEventErrors.ServiceNotFound(tenant, serviceId);
        return service.Value.Completed is null ? service : throw StartEventErrors.ServiceEnded(serviceId, what);
    }

    /// <summary>A batch that first writes the service back unchanged at its version.</summary>
    internal static WriteBatch Guarded(Versioned<Service> service) =>
        new WriteBatch().Update(StartEventCollections.Services, StartEventIndexes.Id(service.Value.ServiceId), service.Version, service.Value, StartEventIndexes.For(service.Value));
}
