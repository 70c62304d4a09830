using Microsoft.AspNetCore.Http;

namespace JourneyGrpc.Gateway.Internal.Errors;

/// <summary>
/// The id that ties a 500 to its log line: the request's own <c>x-request-id</c> when the client sent
/// one usable as a header value (it also travels to the call as metadata, so the upstream's logs can
/// carry it), else ASP.NET Core's <see cref="HttpContext.TraceIdentifier"/>, which its hosting log
/// scope already names <c>RequestId</c> on every line of the request.
/// </summary>
internal static class CorrelationId
{
    /// <summary>The response header that carries the id.</summary>
    internal const string HeaderName = "x-correlation-id";

    internal const string RequestIdHeader = "x-request-id";

    /// <summary>Longer client ids are not echoed: a header value, a log field and a JSON string must stay small.</summary>
    internal const int MaxLength = 128;

    internal static string Of(HttpContext context)
    {
        var given = context.Request.Headers[RequestIdHeader];
        return given.Count == 1 && IsUsable(given[0]) ? given[0]! : context.TraceIdentifier;
    }

    /// <summary>Visible ASCII only (RFC 9110 field-vchar less obs-text), so echoing it can neither break the header nor forge another.</summary>
    private static bool IsUsable(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is <= ' ' or >= (char)0x7F)
            {
                return false;
            }
        }

        return true;
    }
}
