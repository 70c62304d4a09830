namespace JourneyGrpc.Gateway.Tests.Functional;

/// <summary>One REST request and the exact response expected.</summary>
internal sealed record RestCase(
    string Name,
    string Method,
    string Url,
    string? Body,
    string ContentType,
    string? Accept,
    int Status,
    string? ResponseContentType,
    string? Allow,
    string ResponseBody);
