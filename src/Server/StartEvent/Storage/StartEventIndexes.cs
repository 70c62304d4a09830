using System.Globalization;
using JourneyGrpc.Server.StartEvent.Mapping;
using JourneyGrpc.StartEvent.V1;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.StartEvent.Storage;

/// <summary>
/// The index entries written with each record, so that query customer / anonymous services, list
/// states and query tasks read one index key instead of scanning: an entry for all, and one for
/// the record's lifecycle subset (active or completed).
/// </summary>
internal static class StartEventIndexes
{
    /// <summary>
    /// A customer's service is found by customer id; an anonymous one by its contact key (until it is
    /// associated); either by its start event's interaction id.
    /// </summary>
    internal static IndexEntry[] For(Service service)
    {
        var sort = CsTimestamp.ToUnixMilliseconds(service.Started.Timestamp);
        var (index, key) = service.CustomerId.Length > 0 ? (StartEventCollections.ByCustomer, service.CustomerId) : (StartEventCollections.ByContactKey, service.ContactKey);
        IndexEntry[] entries = [new(index, key, sort), new(StartEventCollections.Subset(index, StatusOf(service.Completed)), key, sort)];
        return service.Started.InteractionId.Length > 0 ? [.. entries, new(StartEventCollections.ByInteraction, service.Started.InteractionId, sort)] : entries;
    }

    internal static IndexEntry[] For(State state)
    {
        var key = Id(state.ServiceId);
        return [new(StartEventCollections.ByService, key, state.StateId), new(StartEventCollections.Subset(StartEventCollections.ByService, StatusOf(state.Completed)), key, state.StateId)];
    }

    internal static IndexEntry[] For(ServiceTask task)
    {
        var key = Id(task.ServiceId);
        IndexEntry[] entries = [new(StartEventCollections.ByService, key, task.TaskId), new(StartEventCollections.Subset(StartEventCollections.ByService, StatusOf(task.Completed)), key, task.TaskId)];
        return task.HasStateId ? [.. entries, new(StartEventCollections.ByState, StateKey(task.ServiceId, task.StateId), task.TaskId)] : entries;
    }

    internal static string StateKey(long serviceId, int stateId) => Id(serviceId) + "/" + Id(stateId);

    internal static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string StatusOf(EventRecord? completed) => completed is null ? ResourceStatus.Active : ResourceStatus.Completed;
}
