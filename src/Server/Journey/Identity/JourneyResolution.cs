using JourneyGrpc.Server.Journey.Storage;

namespace JourneyGrpc.Server.Journey.Identity;

/// <summary>The journey some identifiers resolve to.</summary>
/// <param name="IsKnown">Whether any of the identifiers was ever collected.</param>
/// <param name="Members">Every identifier linked with them (and the identifiers themselves), in link order.</param>
internal sealed record JourneyResolution(bool IsKnown, IReadOnlyList<IdentifierKey> Members);
