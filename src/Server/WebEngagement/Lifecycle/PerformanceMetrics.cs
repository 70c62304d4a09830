using JourneyGrpc.WebEngagement.V1;

namespace JourneyGrpc.Server.WebEngagement.Lifecycle;

/// <summary>Which <see cref="PerformanceMetric"/> entering a state counts for.</summary>
internal static class PerformanceMetrics
{
    internal static readonly PerformanceMetric[] All = Enum.GetValues<PerformanceMetric>();

    internal static PerformanceMetric? Of(WebActionState state) => state switch
    {
        WebActionState.Qualified => PerformanceMetric.Qualified,
        WebActionState.Blocked => PerformanceMetric.Blocked,
        WebActionState.Offered => PerformanceMetric.Offered,
        WebActionState.Accepted => PerformanceMetric.Accepted,
        WebActionState.Engaged => PerformanceMetric.Engaged,
        WebActionState.Rejected => PerformanceMetric.Rejected,
        _ => null,
    };

    /// <summary>The metric's name in index keys (stable: stored).</summary>
    internal static string KeyName(PerformanceMetric metric) => metric switch
    {
        PerformanceMetric.Qualified => "qualified",
        PerformanceMetric.Blocked => "blocked",
        PerformanceMetric.Offered => "offered",
        PerformanceMetric.Accepted => "accepted",
        PerformanceMetric.Engaged => "engaged",
        _ => "rejected",
    };
}
