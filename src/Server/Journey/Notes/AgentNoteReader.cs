using JourneyGrpc.Journey.V1;
using JourneyGrpc.Server.Journey.Storage;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.Journey.Notes;

/// <summary>Reads agent notes by engagement: one index query for a whole page of engagements.</summary>
internal sealed class AgentNoteReader(IJourneyStore store)
{
    internal async Task<IReadOnlyList<AgentNote>> ListAsync(string accountId, string engagementId, CancellationToken cancellationToken)
    {
        var page = await store.FindAsync(accountId, new IndexQuery(JourneyCollections.AgentNotes, JourneyIndexes.NoteByEngagement, engagementId) { Limit = 50 }, cancellationToken).ConfigureAwait(false);
        return [.. page.Records.Select(r => r.Parse(AgentNote.Parser))];
    }

    /// <summary>Fills <see cref="Engagement.AgentNotes"/> of each engagement.</summary>
    internal async Task AttachAsync(string accountId, IReadOnlyList<Engagement> engagements, CancellationToken cancellationToken)
    {
        foreach (var chunk in engagements.Select(e => e.Id).Distinct(StringComparer.Ordinal).Chunk(100))
        {
            var page = await store.FindAsync(
                accountId,
                new IndexQuery(JourneyCollections.AgentNotes, JourneyIndexes.NoteByEngagement, chunk) { Limit = 1000 },
                cancellationToken).ConfigureAwait(false);
            var byEngagement = page.Records.Select(r => r.Parse(AgentNote.Parser)).ToLookup(n => n.EngagementId, StringComparer.Ordinal);
            foreach (var engagement in engagements.Where(e => byEngagement.Contains(e.Id)))
            {
                engagement.AgentNotes.Clear();
                engagement.AgentNotes.AddRange(byEngagement[engagement.Id]);
            }
        }
    }
}
