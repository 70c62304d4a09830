namespace JourneyGrpc.Server.Journey.Storage;

/// <summary>
/// Index names and keys. Engagement entries sort by start date (Unix ms) so a search is one ordered
/// index range; composite keys (<c>token|part</c>) let a filtered journey search stay on one index.
/// Identifier tokens have a fixed length, so <c>token|part</c> is unambiguous.
/// </summary>
internal static class JourneyIndexes
{
    /// <summary>Engagements by identifier token.</summary>
    internal const string ByIdentifier = "ident";

    /// <summary>Engagements by identifier token and channel (<see cref="ChannelKey"/>).</summary>
    internal const string ByIdentifierChannel = "ident-channel";

    /// <summary>Engagements by identifier token and agent id.</summary>
    internal const string ByIdentifierAgent = "ident-agent";

    /// <summary>Engagements by identifier token and conversation.</summary>
    internal const string ByIdentifierConversation = "ident-conv";

    /// <summary>Engagements by agent id.</summary>
    internal const string ByAgent = "agent";

    /// <summary>Engagements by channel.</summary>
    internal const string ByChannel = "channel";

    /// <summary>Engagements by conversation.</summary>
    internal const string ByConversation = "conv";

    /// <summary>
    /// Engagements with agents, by identifier token and channel; sorted by the latest agent <c>leftAt</c>
    /// on that channel, or <see cref="long.MaxValue"/> while an agent is still present.
    /// </summary>
    internal const string AgentsLeft = "agents-left";

    /// <summary>Identifier types by name (unique per account).</summary>
    internal const string IdentifierTypeName = "type-name";

    /// <summary>Every identifier type of the account under one key, for listing and counting.</summary>
    internal const string IdentifierTypeAll = "type-all";

    /// <summary>The single key of <see cref="IdentifierTypeAll"/>.</summary>
    internal const string AllKey = "*";

    /// <summary>Agent notes by engagement id (unique: one note per engagement).</summary>
    internal const string NoteByEngagement = "note-engagement";

    /// <summary>Channel ids compare case-insensitively (the spec mixes <c>Voice</c> and <c>VOICE</c>).</summary>
    internal static string ChannelKey(string channelId) => channelId.ToUpperInvariant();

    /// <summary>A composite key of an identifier token and one more value.</summary>
    internal static string Composite(string token, string part) => token + "|" + part;
}
