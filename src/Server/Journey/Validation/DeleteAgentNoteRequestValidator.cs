using JourneyGrpc.Journey.V1;

namespace JourneyGrpc.Server.Journey.Validation;

/// <summary>Delete agent note: acct6; engagementId a UUID; noteId 20 characters.</summary>
internal static class DeleteAgentNoteRequestValidator
{
    internal static void Validate(DeleteAgentNoteRequest request)
    {
        var violations = new Violations();
        FieldRules.AccountId(violations, request.AccountId);
        FieldRules.Uuid(violations, "engagementId", request.EngagementId);
        AgentNoteFieldRules.NoteId(violations, request.NoteId);
        violations.ThrowIfAny();
    }
}
