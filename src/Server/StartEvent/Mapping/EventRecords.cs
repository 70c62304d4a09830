using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.StartEvent.V1;

namespace JourneyGrpc.Server.StartEvent.Mapping;

/// <summary>
/// Turns validated events into the <c>started</c> / <c>completed</c> records of a resource: the
/// timestamp normalised to the documented form, or the server's time when the event has none
/// (Start Event List: "If the application does not specify this timestamp, the server does it").
/// </summary>
internal static class EventRecords
{
    internal static EventRecord Started(ServiceStartEvent e, DateTimeOffset now) =>
        Record(e.SessionId, e.InteractionId, e.ApplicationType, e.HasApplicationId ? e.ApplicationId : null, e.ResourceType, e.HasResourceId ? e.ResourceId : null, e.MediaType, e.Timestamp, now);

    internal static EventRecord Started(StateStartEvent e, DateTimeOffset now) =>
        Record(e.SessionId, e.InteractionId, e.ApplicationType, e.HasApplicationId ? e.ApplicationId : null, e.ResourceType, e.HasResourceId ? e.ResourceId : null, e.MediaType, e.Timestamp, now);

    internal static EventRecord Started(TaskStartEvent e, DateTimeOffset now) =>
        Record(e.SessionId, e.InteractionId, e.ApplicationType, e.HasApplicationId ? e.ApplicationId : null, e.ResourceType, e.HasResourceId ? e.ResourceId : null, e.MediaType, e.Timestamp, now);

    internal static EventRecord Started(StateTransitionEvent e, DateTimeOffset now) =>
        Record(e.SessionId, e.InteractionId, e.ApplicationType, e.HasApplicationId ? e.ApplicationId : null, e.ResourceType, e.HasResourceId ? e.ResourceId : null, e.MediaType, e.Timestamp, now);

    /// <summary>The <c>completed</c> record of an end event (its timestamp filled with <paramref name="now"/> when absent).</summary>
    internal static EventRecord Completed(EndEvent e, DateTimeOffset now)
    {
        var record = Record(e.SessionId, e.InteractionId, e.ApplicationType, e.HasApplicationId ? e.ApplicationId : null, e.ResourceType, e.HasResourceId ? e.ResourceId : null, e.MediaType, e.Timestamp, now);
        record.Disposition = Present(e.Disposition);
        record.DispositionDesc = e.DispositionDesc;
        return record;
    }

    /// <summary>The <c>completed</c> record of the state a transition ends.</summary>
    internal static EventRecord Completed(StateTransitionEvent e, DateTimeOffset now)
    {
        var record = Started(e, now);
        record.Disposition = Present(e.From.Disposition);
        record.DispositionDesc = e.From.DispositionDesc;
        return record;
    }

    /// <summary>
    /// Whether an end event repeats the one a resource ended with: the same fields (an absent
    /// timestamp matches whatever the server filled in) and the same values for its extensions.
    /// </summary>
    internal static bool IsSameEnd(EventRecord completed, Struct? current, EndEvent again)
    {
        var repeat = Completed(again, DateTimeOffset.UnixEpoch);
        if (again.Timestamp.Length == 0)
        {
            repeat.Timestamp = completed.Timestamp;
        }

        return repeat.Equals(completed) && (again.Extensions?.Fields ?? []).All(pair => current is not null && current.Fields.TryGetValue(pair.Key, out var value) && value.Equals(pair.Value));
    }

    /// <summary>Sets or replaces extension values (Complete Service: "replaces previously recorded ... extension values").</summary>
    internal static Struct? Merge(Struct? current, Struct? update)
    {
        if (update is null || update.Fields.Count == 0)
        {
            return current;
        }

        var merged = current?.Clone() ?? new Struct();
        foreach (var (key, value) in update.Fields)
        {
            merged.Fields[key] = value.Clone();
        }

        return merged;
    }

    /// <summary>A JSON null sent for a "long or string" field means the field is absent.</summary>
    internal static Value? Present(Value? value) =>
        value is null || value.KindCase is Value.KindOneofCase.None or Value.KindOneofCase.NullValue ? null : value.Clone();

    /// <summary>The timestamp in the documented form, or <paramref name="now"/> when the event has none.</summary>
    internal static string Timestamp(string sent, DateTimeOffset now) =>
        CsTimestamp.Format(sent.Length == 0 ? now : CsTimestamp.Parse(sent) ?? now);

    private static EventRecord Record(string sessionId, string interactionId, Value? applicationType, int? applicationId, Value? resourceType, int? resourceId, Value? mediaType, string timestamp, DateTimeOffset now)
    {
        var record = new EventRecord
        {
            SessionId = sessionId,
            InteractionId = interactionId,
            ApplicationType = Present(applicationType),
            ResourceType = Present(resourceType),
            MediaType = Present(mediaType),
            Timestamp = Timestamp(timestamp, now),
        };
        if (applicationId is { } application)
        {
            record.ApplicationId = application;
        }

        if (resourceId is { } resource)
        {
            record.ResourceId = resource;
        }

        return record;
    }
}
