using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Server.StartEvent.Errors;
using JourneyGrpc.Server.StartEvent.Mapping;
using JourneyGrpc.Server.StartEvent.Storage;
using JourneyGrpc.StartEvent.V1;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.StartEvent.Lifecycle;

/// <summary>
/// Start, end and transition states, and set their extensions. A start writes the service record
/// back at its version in the same batch, so a service ended meanwhile refuses the state.
/// </summary>
internal sealed class StateLifecycle(StartEventRecords records, ServiceGuard guard, IdAllocator ids, WriteRetry retry, TimeProvider time)
{
    internal async Task<int> StartAsync(string tenant, long serviceId, StateStartEvent e, CancellationToken ct)
    {
        Versioned<Service>? service = await guard.ActiveServiceAsync(tenant, serviceId, "a state cannot start on it", ct).ConfigureAwait(false);
        if (e.HasPreviousStateId && await records.GetStateAsync(tenant, serviceId, e.PreviousStateId, ct).ConfigureAwait(false) is null)
        {
            throw StartEventErrors.StateNotFound(serviceId, e.PreviousStateId);
        }

        var id = (int)await ids.NextAsync(tenant, IdKind.States, ct).ConfigureAwait(false);
        var state = new State
        {
            ServiceId = serviceId,
            StateId = id,
            StateType = EventRecords.Present(e.StateType),
            Started = EventRecords.Started(e, time.GetUtcNow()),
            Extensions = ServiceLifecycle.NonEmpty(e.Extensions),
        };
        if (e.HasPreviousStateId)
        {
            state.PreviousStateId = e.PreviousStateId;
        }

        if (e.HasEstDuration)
        {
            state.EstDuration = e.EstDuration;
        }

        await retry.RunAsync("start state", tenant, serviceId, async () =>
        {
            var active = service ?? await guard.ActiveServiceAsync(tenant, serviceId, "a state cannot start on it", ct).ConfigureAwait(false);
            service = null;
            await records.Store.WriteAsync(tenant, ServiceGuard.Guarded(active).Insert(StartEventCollections.States, StartEventIndexes.Id(id), state, StartEventIndexes.For(state)), ct).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
        return id;
    }

    internal Task EndAsync(string tenant, long serviceId, int stateId, EndEvent e, CancellationToken ct) =>
        retry.RunAsync("end state", tenant, serviceId, async () =>
        {
            var current = await records.GetStateAsync(tenant, serviceId, stateId, ct).ConfigureAwait(false) ?? throw StartEventErrors.StateNotFound(serviceId, stateId);
            if (current.Value.Completed is { } completed)
            {
                return EventRecords.IsSameEnd(completed, current.Value.Extensions, e) ? true : throw StartEventErrors.EndedDifferently($"State {stateId} of service {serviceId}");
            }

            var state = current.Value.Clone();
            state.Completed = EventRecords.Completed(e, time.GetUtcNow());
            state.Extensions = EventRecords.Merge(state.Extensions, e.Extensions);
            await records.Store.WriteAsync(tenant, new WriteBatch().Update(StartEventCollections.States, StartEventIndexes.Id(stateId), current.Version, state, StartEventIndexes.For(state)), ct).ConfigureAwait(false);
            return true;
        });

    /// <summary>Ends <c>from.state_id</c> and starts a state of type <c>to.state_type</c> in one batch; returns (new, ended).</summary>
    internal async Task<(int Started, int Ended)> TransitionAsync(string tenant, long serviceId, StateTransitionEvent e, CancellationToken ct)
    {
        int? id = null;
        return await retry.RunAsync("transition state", tenant, serviceId, async () =>
        {
            var service = await guard.ActiveServiceAsync(tenant, serviceId, "its states cannot change", ct).ConfigureAwait(false);
            var from = await records.GetStateAsync(tenant, serviceId, e.From.StateId, ct).ConfigureAwait(false) ?? throw StartEventErrors.StateNotFound(serviceId, e.From.StateId);
            if (from.Value.Completed is not null)
            {
                throw StartEventErrors.StateEnded(serviceId, e.From.StateId);
            }

            id ??= (int)await ids.NextAsync(tenant, IdKind.States, ct).ConfigureAwait(false);
            var now = time.GetUtcNow();
            var ended = from.Value.Clone();
            ended.Completed = EventRecords.Completed(e, now);
            var next = new State
            {
                ServiceId = serviceId,
                StateId = id.Value,
                StateType = EventRecords.Present(e.To.StateType),
                PreviousStateId = ended.StateId,
                Started = EventRecords.Started(e, now),
                Extensions = ServiceLifecycle.NonEmpty(e.Extensions),
            };
            if (e.To.HasEstDuration)
            {
                next.EstDuration = e.To.EstDuration;
            }

            var batch = ServiceGuard.Guarded(service)
                .Update(StartEventCollections.States, StartEventIndexes.Id(ended.StateId), from.Version, ended, StartEventIndexes.For(ended))
                .Insert(StartEventCollections.States, StartEventIndexes.Id(next.StateId), next, StartEventIndexes.For(next));
            await records.Store.WriteAsync(tenant, batch, ct).ConfigureAwait(false);
            return (next.StateId, ended.StateId);
        }).ConfigureAwait(false);
    }

    internal Task UpdateExtensionAsync(string tenant, long serviceId, int stateId, string name, Value value, CancellationToken ct) =>
        retry.RunAsync("update state extension", tenant, serviceId, async () =>
        {
            var current = await records.GetStateAsync(tenant, serviceId, stateId, ct).ConfigureAwait(false) ?? throw StartEventErrors.StateNotFound(serviceId, stateId);
            var state = current.Value.Clone();
            state.Extensions ??= new Struct();
            state.Extensions.Fields[name] = value.Clone();
            await records.Store.WriteAsync(tenant, new WriteBatch().Update(StartEventCollections.States, StartEventIndexes.Id(stateId), current.Version, state, StartEventIndexes.For(state)), ct).ConfigureAwait(false);
            return true;
        });
}
