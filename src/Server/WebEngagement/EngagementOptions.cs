namespace JourneyGrpc.Server.WebEngagement;

/// <summary>
/// Options of the engagement service, bound from configuration section <c>Engagement</c>. The first
/// three are Genesys Web Engagement's options of section <c>engagement</c>, by the same names and with
/// the same defaults and ranges (shared/reference/genesys-apis.md A.7); configuration keys are
/// case-insensitive, so <c>Engagement:engagementExpirationTime</c> binds too.
/// </summary>
internal sealed class EngagementOptions
{
    /// <summary>The configuration section.</summary>
    internal const string SectionName = "Engagement";

    /// <summary>Seconds a QUALIFIED attempt stays valid until it is offered, 10 to 1800 (default 30).</summary>
    public int EngagementExpirationTime { get; set; } = 30;

    /// <summary>Seconds an OFFERED attempt waits for the visitor's answer (and blocks the visit in strict mode), 10 to 1800 (default 120).</summary>
    public int RegistrationFormExpirationTime { get; set; } = 120;

    /// <summary>One engagement attempt at a time per visit (default true); false allows several.</summary>
    public bool StrictEngagementMode { get; set; } = true;

    /// <summary>The deployment (a UUID) engage and noengage use when the request names none.</summary>
    public string DefaultDeploymentId { get; set; } = "00000000-0000-0000-0000-000000000000";

    /// <summary>The <c>pollIntervalMilliseconds</c> a ping answers with: -1 (no pings) or 1000 to 600000 (default 10000, the documented 10-second cadence).</summary>
    public int PingPollIntervalMilliseconds { get; set; } = 10_000;

    /// <summary>How many times a write that lost a race with another writer is tried, 1 to 20 (default 5).</summary>
    public int MaxWriteAttempts { get; set; } = 5;

    /// <summary>The configuration key of a property, e.g. <c>Engagement:EngagementExpirationTime</c>.</summary>
    internal static string Key(string property) => $"{SectionName}:{property}";
}
