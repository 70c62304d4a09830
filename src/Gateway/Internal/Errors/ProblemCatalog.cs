using Microsoft.AspNetCore.WebUtilities;

namespace JourneyGrpc.Gateway.Internal.Errors;

/// <summary>
/// RFC 7807 problem <c>type</c> anchors and titles by HTTP status. The Avaya AXP statuses use
/// Avaya's documented pairs (400/422 constraint-violation "Constraint Violation", 401
/// unauthorized, 403 forbidden, 404 resource-not-found "Resource Not Found", 500 server-error
/// "Server Error"); other statuses use their reason phrase.
/// </summary>
internal static class ProblemCatalog
{
    internal static (string Slug, string Title) For(int httpStatus) => httpStatus switch
    {
        400 or 422 => ("constraint-violation", "Constraint Violation"),
        401 => ("unauthorized", "Unauthorized"),
        403 => ("forbidden", "Forbidden"),
        404 => ("resource-not-found", "Resource Not Found"),
        500 => ("server-error", "Server Error"),
        HttpStatusTable.ClientClosedRequest => ("client-closed-request", "Client Closed Request"),
        _ => Fallback(httpStatus),
    };

    private static (string Slug, string Title) Fallback(int httpStatus)
    {
        var title = ReasonPhrases.GetReasonPhrase(httpStatus);
        if (title.Length == 0)
        {
            title = "Error";
        }

        return (title.ToLowerInvariant().Replace(' ', '-'), title);
    }
}
