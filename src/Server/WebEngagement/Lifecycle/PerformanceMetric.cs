namespace JourneyGrpc.Server.WebEngagement.Lifecycle;

/// <summary>
/// The Action Map Performance counts (shared/reference/genesys-apis.md D.3) and the state that counts for
/// each. Errored, ignored, timed out (and this service's cancelled and expired) have no metric.
/// </summary>
internal enum PerformanceMetric
{
    Qualified,
    Blocked,
    Offered,
    Accepted,
    Engaged,
    Rejected,
}
