using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace JourneyGrpc.Gateway.Internal.Routing;

/// <summary>
/// Where a server-sent-events stream keeps its resume point: the response field marked
/// <c>sse_event_id</c> (each event's <c>id:</c>) and the request field marked <c>last_event_id</c>
/// (set from the <c>Last-Event-ID</c> header). Resolved per method when the gateway is built; a mark
/// on anything but one singular integer or string field per message of a server-streaming method is
/// a contract error.
/// </summary>
internal sealed class EventIdFields
{
    private const string IntegerOrString = "a singular integer or string field";

    private static readonly EventIdFields None = new(null, null);

    private EventIdFields(FieldDescriptor? eventId, FieldDescriptor? lastEventId)
    {
        EventId = eventId;
        LastEventId = lastEventId;
    }

    /// <summary>The response field whose value is each event's id, if any.</summary>
    internal FieldDescriptor? EventId { get; }

    /// <summary>The request field that <c>Last-Event-ID</c> sets, if any.</summary>
    internal FieldDescriptor? LastEventId { get; }

    internal static EventIdFields For(MethodDescriptor method)
    {
        var eventId = RestFieldMarks.FindSingle(method.OutputType, static options => options.SseEventId, "sse_event_id", IsIntegerOrString, IntegerOrString);
        var lastEventId = RestFieldMarks.FindSingle(method.InputType, static options => options.LastEventId, "last_event_id", IsIntegerOrString, IntegerOrString);
        if ((eventId ?? lastEventId) is { } marked && !method.IsServerStreaming)
        {
            throw new InvalidOperationException($"{marked.FullName}: sse_event_id and last_event_id belong to server-streaming methods; {method.FullName} is not one.");
        }

        return eventId is null && lastEventId is null ? None : new EventIdFields(eventId, lastEventId);
    }

    /// <summary>
    /// The <c>id:</c> of the event carrying <paramref name="response"/>, or null when the method has no
    /// event id or the value cannot be one (a line break or NUL would end the field early).
    /// </summary>
    internal string? IdOf(IMessage response)
    {
        if (EventId is null)
        {
            return null;
        }

        var text = Convert.ToString(EventId.Accessor.GetValue(response), CultureInfo.InvariantCulture) ?? string.Empty;
        return text.AsSpan().IndexOfAny('\n', '\r', '\0') >= 0 ? null : text;
    }

    /// <summary>Whether the request field that <c>Last-Event-ID</c> sets was left unset by path, query and body.</summary>
    internal bool IsLastEventIdUnset(IMessage request)
    {
        var field = LastEventId!;
        if (field.HasPresence)
        {
            return !field.Accessor.HasValue(request);
        }

        var value = field.Accessor.GetValue(request);
        return value is string text ? text.Length == 0 : Convert.ToDecimal(value, CultureInfo.InvariantCulture) == 0;
    }

    private static bool IsIntegerOrString(FieldDescriptor field) => !field.IsRepeated && field.FieldType is FieldType.String
        or FieldType.Int32 or FieldType.Int64 or FieldType.UInt32 or FieldType.UInt64
        or FieldType.SInt32 or FieldType.SInt64 or FieldType.Fixed32 or FieldType.Fixed64
        or FieldType.SFixed32 or FieldType.SFixed64;
}
