using JourneyGrpc.WebEngagement.V1;

namespace JourneyGrpc.Server.WebEngagement.Storage;

/// <summary>A web action as read, with the version to write it back at.</summary>
internal sealed record StoredAction(WebAction Action, long Version);
