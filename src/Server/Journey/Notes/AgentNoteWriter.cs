using JourneyGrpc.Journey.V1;
using JourneyGrpc.Server.Journey.Engagements;
using JourneyGrpc.Server.Journey.Errors;
using JourneyGrpc.Server.Journey.Storage;
using JourneyGrpc.Server.Journey.Validation;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.Journey.Notes;

/// <summary>
/// Agent notes: one per engagement, enforced by a unique index on the engagement id, so a second
/// create (even a racing one) is FAILED_PRECONDITION, which the gateway sends as 422. None of the note
/// operations lists a 404 (spec section 6 #14): a note may be written before its engagement reaches
/// Customer Journey; updating an unknown note is a 400 on <c>noteId</c>; deleting one is done already.
/// </summary>
internal sealed class AgentNoteWriter(IJourneyStore store, ConcurrencyRetry retry, TimeProvider timeProvider)
{
    internal async Task<AgentNote> CreateAsync(CreateAgentNoteRequest request, CancellationToken cancellationToken)
    {
        var engagementId = EngagementIds.Normalize(request.EngagementId);
        var note = new AgentNote
        {
            Id = NoteIdGenerator.Next(),
            EngagementId = engagementId,
            CreatedBy = request.CreatedBy,
            Note = request.Note,
            CreatedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(timeProvider.GetUtcNow()),
        };
        try
        {
            await store.WriteAsync(request.AccountId, new WriteBatch().Insert(JourneyCollections.AgentNotes, note.Id, note, Indexes(note)), cancellationToken).ConfigureAwait(false);
        }
        catch (StoreDuplicateException ex) when (ex.Index == JourneyIndexes.NoteByEngagement)
        {
            throw JourneyErrors.AgentNoteExists(request.AccountId, engagementId);
        }

        return note;
    }

    internal Task<AgentNote> UpdateAsync(UpdateAgentNoteRequest request, CancellationToken cancellationToken)
    {
        var engagementId = EngagementIds.Normalize(request.EngagementId);
        return retry.RunAsync("UpdateAgentNote", async () =>
        {
            var record = await store.GetAsync(request.AccountId, JourneyCollections.AgentNotes, request.NoteId, cancellationToken).ConfigureAwait(false);
            var note = record?.Parse(AgentNote.Parser);
            if (record is null || note!.EngagementId != engagementId)
            {
                throw JourneyErrors.InvalidArgument("noteId", ValidationMessages.NoteMustExist);
            }

            note.Note = request.Note;
            note.UpdatedBy = request.UpdatedBy ?? note.CreatedBy;
            note.UpdatedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(timeProvider.GetUtcNow());
            await store.WriteAsync(request.AccountId, new WriteBatch().Update(JourneyCollections.AgentNotes, note.Id, record.Version, note, Indexes(note)), cancellationToken).ConfigureAwait(false);
            return note;
        });
    }

    internal Task DeleteAsync(DeleteAgentNoteRequest request, CancellationToken cancellationToken)
    {
        var engagementId = EngagementIds.Normalize(request.EngagementId);
        return retry.RunAsync("DeleteAgentNote", async () =>
        {
            var record = await store.GetAsync(request.AccountId, JourneyCollections.AgentNotes, request.NoteId, cancellationToken).ConfigureAwait(false);
            if (record is not null && record.Parse(AgentNote.Parser).EngagementId == engagementId)
            {
                await store.WriteAsync(request.AccountId, new WriteBatch().Delete(JourneyCollections.AgentNotes, record.Id, record.Version), cancellationToken).ConfigureAwait(false);
            }
        });
    }

    private static IndexEntry[] Indexes(AgentNote note) => [IndexEntry.Unique(JourneyIndexes.NoteByEngagement, note.EngagementId)];
}
