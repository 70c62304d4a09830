namespace JourneyGrpc.Gateway.Internal.Handlers;

/// <summary>
/// Server-sent events (https://html.spec.whatwg.org/multipage/server-sent-events.html): each
/// message is one <c>data:</c> event, after an <c>id:</c> line when the response has an
/// <c>sse_event_id</c> field; an error is a final event named <c>error</c>.
/// </summary>
internal sealed class ServerSentEventsFormat : StreamFormat
{
    internal const string MediaType = "text/event-stream";

    internal static ServerSentEventsFormat Instance { get; } = new();

    internal override string ContentType => MediaType + "; charset=utf-8";

    internal override bool CarriesEventIds => true;

    internal override string Message(string json, string? eventId) =>
        eventId is null ? "data: " + json + "\n\n" : "id: " + eventId + "\ndata: " + json + "\n\n";

    internal override string Error(string errorJson) => "event: error\ndata: " + errorJson + "\n\n";
}
