using JourneyGrpc.Server.StartEvent.Errors;
using JourneyGrpc.Server.StartEvent.Storage;
using JourneyGrpc.StartEvent.V1;

namespace JourneyGrpc.Server.StartEvent.Queries;

/// <summary>Get one state, and list a service's states (all, active or completed) from the by-service index.</summary>
internal sealed class StateQueries(StartEventRecords records)
{
    internal async Task<State> GetAsync(string tenant, long serviceId, int stateId, CancellationToken ct) =>
        (await records.GetStateAsync(tenant, serviceId, stateId, ct).ConfigureAwait(false) ?? throw StartEventErrors.StateNotFound(serviceId, stateId)).Value;

    internal async Task<List<State>> ListAsync(string tenant, long serviceId, string status, CancellationToken ct)
    {
        _ = await records.GetServiceAsync(tenant, serviceId, ct).ConfigureAwait(false) ?? throw StartEventErrors.ServiceNotFound(tenant, serviceId);
        var index = status.Length == 0 ? StartEventCollections.ByService : StartEventCollections.Subset(StartEventCollections.ByService, status);
        return await records.FindAllAsync(tenant, StartEventCollections.States, index, StartEventIndexes.Id(serviceId), State.Parser, ct).ConfigureAwait(false);
    }
}
