using Microsoft.Net.Http.Headers;

namespace JourneyGrpc.Gateway.Internal.Handlers;

/// <summary>How a server stream is framed over HTTP/1.1; chosen by the request's <c>Accept</c>.</summary>
internal abstract class StreamFormat
{
    internal abstract string ContentType { get; }

    /// <summary>Whether a message carries an event id (server-sent events' <c>id:</c>), so it is worth computing.</summary>
    internal virtual bool CarriesEventIds => false;

    /// <summary>One message; <paramref name="eventId"/>, when the format carries one, is its resume point.</summary>
    internal abstract string Message(string json, string? eventId);

    /// <summary>The final object of a stream that ended with an error.</summary>
    internal abstract string Error(string errorJson);

    /// <summary><c>text/event-stream</c> when <c>Accept</c> names it; newline-delimited JSON otherwise.</summary>
    internal static StreamFormat Select(IList<string>? accept)
    {
        if (accept is not null && MediaTypeHeaderValue.TryParseList(accept, out var types))
        {
            foreach (var type in types)
            {
                if (type.MediaType.Equals(ServerSentEventsFormat.MediaType, StringComparison.OrdinalIgnoreCase))
                {
                    return ServerSentEventsFormat.Instance;
                }
            }
        }

        return NdjsonFormat.Instance;
    }
}
