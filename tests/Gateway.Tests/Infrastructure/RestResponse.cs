using System.Net.Http.Headers;

namespace JourneyGrpc.Gateway.Tests.Infrastructure;

/// <summary>A REST response read whole: status, content type, headers and body text.</summary>
public sealed record RestResponse(int Status, string? ContentType, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders, string Body)
{
    public string? Header(string name) =>
        Headers.TryGetValues(name, out var values) || ContentHeaders.TryGetValues(name, out values) ? string.Join(", ", values) : null;

    public override string ToString() => $"{Status} {ContentType}: {Body}";
}
