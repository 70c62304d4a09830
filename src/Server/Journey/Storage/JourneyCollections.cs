namespace JourneyGrpc.Server.Journey.Storage;

/// <summary>The store collections of the journey service; every one is scoped to an account (the store's tenant).</summary>
internal static class JourneyCollections
{
    /// <summary>Identifier types, by server-assigned UUID (v7, so id order is creation order).</summary>
    internal const string IdentifierTypes = "identifier-types";

    /// <summary>Engagements, by lower-case client-supplied UUID.</summary>
    internal const string Engagements = "engagements";

    /// <summary>One record per identifier ever collected: <see cref="IdentifierKey.Token"/> → its identity group.</summary>
    internal const string IdentityLinks = "identity-links";

    /// <summary>Identity groups (journeys): their member identifiers.</summary>
    internal const string IdentityGroups = "identity-groups";

    /// <summary>Agent notes, by 20-character note id.</summary>
    internal const string AgentNotes = "agent-notes";
}
