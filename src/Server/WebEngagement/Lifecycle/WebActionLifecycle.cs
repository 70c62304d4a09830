using JourneyGrpc.WebEngagement.V1;
using JourneyGrpc.Server.WebEngagement.Errors;

namespace JourneyGrpc.Server.WebEngagement.Lifecycle;

/// <summary>
/// The content-offer lifecycle (seed 000, shared/reference/genesys-apis.md D.1): qualified → offered →
/// accepted | rejected | errored | ignored | timed out; a web messaging offer's accepted goes on to engaged
/// or rejected (the web chat lifecycle). Qualified may also be blocked, errored, cancelled (noengage) or
/// expire; offered may be cancelled. Every other change, and any change of a terminal state, is refused.
/// </summary>
internal static class WebActionLifecycle
{
    /// <summary>Null when <paramref name="from"/> may become <paramref name="to"/>; otherwise why not.</summary>
    internal static string? Refusal(WebActionState from, WebActionState to, string mediaType)
    {
        if (Allows(from, to, mediaType))
        {
            return null;
        }

        return IsTerminal(from, mediaType)
            ? $"cannot change from {Names.Of(from)} to {Names.Of(to)}: {Names.Of(from)} is terminal."
            : $"cannot change from {Names.Of(from)} to {Names.Of(to)}: {Names.Of(from)} may become {string.Join(", ", Next(from, mediaType).Select(Names.Of))}.";
    }

    internal static bool Allows(WebActionState from, WebActionState to, string mediaType) => Next(from, mediaType).Contains(to);

    /// <summary>The states <paramref name="from"/> may become by a request (expiry is the clock's).</summary>
    internal static IReadOnlyList<WebActionState> Next(WebActionState from, string mediaType) => from switch
    {
        WebActionState.Qualified => [WebActionState.Offered, WebActionState.Blocked, WebActionState.Errored, WebActionState.Cancelled],
        WebActionState.Offered => [WebActionState.Accepted, WebActionState.Rejected, WebActionState.Errored, WebActionState.Ignored, WebActionState.TimedOut, WebActionState.Cancelled],
        WebActionState.Accepted when mediaType == MediaTypes.WebMessagingOffer => [WebActionState.Engaged, WebActionState.Rejected],
        _ => [],
    };

    internal static bool IsTerminal(WebActionState state, string mediaType) => Next(state, mediaType).Count == 0;

    /// <summary>An attempt in progress: it blocks a new one for the visit in strict engagement mode, and noengage cancels it.</summary>
    internal static bool IsInProgress(WebActionState state) => state is WebActionState.Qualified or WebActionState.Offered;

    /// <summary>
    /// The state the clock has moved the action to: QUALIFIED past its expire_time is EXPIRED
    /// (engagementExpirationTime), OFFERED past its offer_expire_time is TIMED_OUT
    /// (registrationFormExpirationTime). Written by the next write that touches the action.
    /// </summary>
    internal static WebActionState Effective(WebAction action, DateTimeOffset now) => action.State switch
    {
        WebActionState.Qualified when action.ExpireTime is { } expire && now >= expire.ToDateTimeOffset() => WebActionState.Expired,
        WebActionState.Offered when action.OfferExpireTime is { } expire && now >= expire.ToDateTimeOffset() => WebActionState.TimedOut,
        _ => action.State,
    };
}
