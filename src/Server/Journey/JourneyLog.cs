using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Server.Journey;

/// <summary>Journey service log events; the ids (4100-4199) are stable.</summary>
internal static partial class JourneyLog
{
    [LoggerMessage(4101, LogLevel.Debug, "{Operation} conflicted on {Collection}/{Id} (attempt {Attempt}); retrying.", EventName = "WriteRetried")]
    internal static partial void WriteRetried(ILogger logger, string operation, int attempt, string collection, string id);

    [LoggerMessage(4102, LogLevel.Information, "Account {AccountId}: merged {GroupCount} journeys into one.", EventName = "JourneysMerged")]
    internal static partial void JourneysMerged(ILogger logger, string accountId, int groupCount);

    [LoggerMessage(4103, LogLevel.Warning, "Account {AccountId}: linking would make a journey of {MemberCount} identifiers (limit {Limit}); only new identifiers were linked.", EventName = "AutoLinkCapped")]
    internal static partial void AutoLinkCapped(ILogger logger, string accountId, int memberCount, int limit);

    [LoggerMessage(4104, LogLevel.Information, "Account {AccountId}: unlinked a {IdentifierType} identifier from journey {GroupId}.", EventName = "IdentifierUnlinked")]
    internal static partial void IdentifierUnlinked(ILogger logger, string accountId, string identifierType, string groupId);
}
