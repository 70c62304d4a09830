using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Server.StartEvent;

/// <summary>Log messages of the start-event service; event ids 6001-6099 are stable.</summary>
internal static partial class StartEventLog
{
    /// <summary>The logger category.</summary>
    internal const string Category = "JourneyGrpc.Server.StartEvent";

    [LoggerMessage(6001, LogLevel.Debug, "Started service {ServiceId} of tenant '{Tenant}'.", EventName = "ServiceStarted")]
    internal static partial void ServiceStarted(ILogger logger, long serviceId, string tenant);

    [LoggerMessage(6002, LogLevel.Debug, "Ended {Kind} {Id} of service {ServiceId} in tenant '{Tenant}'.", EventName = "Ended")]
    internal static partial void Ended(ILogger logger, string kind, long id, long serviceId, string tenant);

    [LoggerMessage(6003, LogLevel.Debug, "Rejected a {Method} request: {Reason}", EventName = "RequestRejected")]
    internal static partial void RequestRejected(ILogger logger, string method, string reason);

    [LoggerMessage(6004, LogLevel.Debug, "Write {Operation} of tenant '{Tenant}' lost a race with another writer (attempt {Attempt}); retrying.", EventName = "WriteRetried")]
    internal static partial void WriteRetried(ILogger logger, string operation, string tenant, int attempt);

    [LoggerMessage(6005, LogLevel.Information, "Reserved {Kind} ids {First}-{Last} of tenant '{Tenant}'.", EventName = "IdBlockReserved")]
    internal static partial void IdBlockReserved(ILogger logger, string kind, long first, long last, string tenant);
}
