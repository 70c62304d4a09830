namespace JourneyGrpc.Gateway.Tests.Functional;

/// <summary>One request body in an encoding a client can get wrong (printf notation, see <c>PrintfBytes</c>) and the exact response expected.</summary>
internal sealed record EncodingCase(
    string Name,
    string Method,
    string Url,
    string Body,
    string ContentType,
    int Status,
    string ResponseContentType,
    string ResponseBody);
