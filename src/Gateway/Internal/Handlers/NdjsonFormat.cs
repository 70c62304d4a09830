namespace JourneyGrpc.Gateway.Internal.Handlers;

/// <summary>
/// Newline-delimited JSON (https://github.com/ndjson/ndjson-spec): one message object per line,
/// as ASP.NET Core transcoding streams; an error ends the stream as <c>{"error": …}</c>, the
/// shape grpc-gateway uses, so a reader can tell it from a message.
/// </summary>
internal sealed class NdjsonFormat : StreamFormat
{
    internal static NdjsonFormat Instance { get; } = new();

    internal override string ContentType => "application/x-ndjson; charset=utf-8";

    internal override string Message(string json, string? eventId) => json + "\n";

    internal override string Error(string errorJson) => "{\"error\":" + errorJson + "}\n";
}
