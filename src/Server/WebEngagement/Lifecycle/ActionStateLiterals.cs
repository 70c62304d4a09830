using JourneyGrpc.WebEngagement.V1;

namespace JourneyGrpc.Server.WebEngagement.Lifecycle;

/// <summary>
/// Genesys Cloud <c>ActionEventRequest.actionState</c> literals (shared/reference/genesys-apis.md D.4) and
/// the state each one moves a web action to. <c>qualified</c> is what engage does; <c>started</c>,
/// <c>offeredOutsideSchedule</c>, <c>abandoned</c> and <c>completed</c> are not part of the content-offer
/// lifecycle this service keeps and are refused by name.
/// </summary>
internal static class ActionStateLiterals
{
    private static readonly Dictionary<string, WebActionState> Accepted = new(StringComparer.Ordinal)
    {
        ["offered"] = WebActionState.Offered,
        ["accepted"] = WebActionState.Accepted,
        ["rejected"] = WebActionState.Rejected,
        ["errored"] = WebActionState.Errored,
        ["ignored"] = WebActionState.Ignored,
        ["timedout"] = WebActionState.TimedOut,
        ["engaged"] = WebActionState.Engaged,
        ["qualifiedOutsideSchedule"] = WebActionState.Blocked,
        ["frequencyCapReached"] = WebActionState.Blocked,
    };

    private static readonly HashSet<string> Unsupported = new(StringComparer.Ordinal)
    {
        "qualified", "started", "offeredOutsideSchedule", "abandoned", "completed",
    };

    /// <summary>The literals accepted, for messages.</summary>
    internal static string AcceptedList => string.Join(", ", Accepted.Keys);

    internal static bool TryParse(string literal, out WebActionState state) => Accepted.TryGetValue(literal, out state);

    internal static bool IsUnsupported(string literal) => Unsupported.Contains(literal);
}
