namespace JourneyGrpc.Server.StartEvent;

/// <summary>Tenancy and id allocation of the start-event service; bound from configuration section <c>StartEvent</c>.</summary>
internal sealed class StartEventOptions
{
    /// <summary>The configuration section.</summary>
    internal const string SectionName = "StartEvent";

    /// <summary>
    /// The tenant of a request that names none (default <c>default</c>): Context Services clients
    /// call <c>/genesys/1/cs/...</c> without a tenant, so one deployment serves them as one tenant.
    /// </summary>
    public string DefaultTenant { get; set; } = "default";

    /// <summary>
    /// How many ids a server reserves at once per tenant and kind, 1 to 100,000 (default 100). One
    /// durable write reserves a block; ids of a block not handed out before a restart are skipped,
    /// never reused, so ids stay unique across restarts and across servers sharing one database.
    /// </summary>
    public int IdBlockSize { get; set; } = 100;

    /// <summary>How many times a write that lost a race with another writer is tried, 1 to 100 (default 10).</summary>
    public int MaxWriteAttempts { get; set; } = 10;
}
