using JourneyGrpc.Journey.V1;

namespace JourneyGrpc.Server.Journey.Validation;

/// <summary>Update agent note: acct6; engagementId a UUID; noteId 20 characters; note populated; updatedBy when given.</summary>
internal static class UpdateAgentNoteRequestValidator
{
    internal static void Validate(UpdateAgentNoteRequest request)
    {
        var violations = new Violations();
        FieldRules.AccountId(violations, request.AccountId);
        FieldRules.Uuid(violations, "engagementId", request.EngagementId);
        AgentNoteFieldRules.NoteId(violations, request.NoteId);
        AgentNoteFieldRules.Note(violations, request.Note);
        AgentNoteFieldRules.Agent(violations, "updatedBy", request.UpdatedBy);
        violations.ThrowIfAny();
    }
}
