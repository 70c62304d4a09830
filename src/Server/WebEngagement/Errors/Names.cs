using JourneyGrpc.WebEngagement.V1;

namespace JourneyGrpc.Server.WebEngagement.Errors;

/// <summary>A state's short name for messages: <c>WEB_ACTION_STATE_OFFERED</c> → <c>OFFERED</c>.</summary>
internal static class Names
{
    internal static string Of(WebActionState state) => state switch
    {
        WebActionState.Qualified => "QUALIFIED",
        WebActionState.Offered => "OFFERED",
        WebActionState.Accepted => "ACCEPTED",
        WebActionState.Rejected => "REJECTED",
        WebActionState.Errored => "ERRORED",
        WebActionState.Ignored => "IGNORED",
        WebActionState.TimedOut => "TIMED_OUT",
        WebActionState.Engaged => "ENGAGED",
        WebActionState.Blocked => "BLOCKED",
        WebActionState.Cancelled => "CANCELLED",
        WebActionState.Expired => "EXPIRED",
        _ => "UNSPECIFIED",
    };
}
