using JourneyGrpc.WebEngagement.V1;
using JourneyGrpc.Server.WebEngagement.Lifecycle;
using JourneyGrpc.Server.WebEngagement.Storage;

namespace JourneyGrpc.Server.WebEngagement.Reporting;

/// <summary>Action Map Performance counts of one action map version: one index count per metric, run together.</summary>
internal sealed class ActionMapPerformance(WebActionReader reader)
{
    internal async Task<GetActionMapPerformanceResponse> ReadAsync(GetActionMapPerformanceRequest request, CancellationToken cancellationToken)
    {
        var tenant = EngagementStoreNames.Tenant(request.DeploymentId);
        var mapId = request.ActionMapId.ToLowerInvariant();
        var from = request.StartTime.ToDateTimeOffset().ToUnixTimeMilliseconds();

        // [startTime, endTime): the index range is inclusive.
        var to = request.EndTime.ToDateTimeOffset().ToUnixTimeMilliseconds() - 1;
        var counts = await Task.WhenAll(PerformanceMetrics.All.Select(metric =>
            reader.CountAsync(tenant, EngagementStoreNames.MetricKey(mapId, request.ActionMapVersion, PerformanceMetrics.KeyName(metric)), from, to, cancellationToken))).ConfigureAwait(false);
        long Count(PerformanceMetric metric) => counts[Array.IndexOf(PerformanceMetrics.All, metric)];

        var response = new GetActionMapPerformanceResponse
        {
            ActionMapId = mapId,
            ActionMapVersion = request.ActionMapVersion,
            StartTime = request.StartTime,
            EndTime = request.EndTime,
            Qualified = Count(PerformanceMetric.Qualified),
            Blocked = Count(PerformanceMetric.Blocked),
            Offered = Count(PerformanceMetric.Offered),
            Accepted = Count(PerformanceMetric.Accepted),
            Engaged = Count(PerformanceMetric.Engaged),
            Rejected = Count(PerformanceMetric.Rejected),
        };
        response.OfferedPercent = Percent(response.Offered, response.Qualified);
        response.AcceptedPercent = Percent(response.Accepted, response.Offered);
        response.EngagedPercent = Percent(response.Engaged, response.Accepted);
        return response;
    }

    /// <summary>A ratio in percent, rounded to two decimals; 0 over nothing.</summary>
    internal static double Percent(long part, long whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 2);
}
