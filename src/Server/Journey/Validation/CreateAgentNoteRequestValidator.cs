using JourneyGrpc.Journey.V1;

namespace JourneyGrpc.Server.Journey.Validation;

/// <summary>Add agent note: acct6; engagementId a UUID; note populated (1..512); createdBy when given.</summary>
internal static class CreateAgentNoteRequestValidator
{
    internal static void Validate(CreateAgentNoteRequest request)
    {
        var violations = new Violations();
        FieldRules.AccountId(violations, request.AccountId);
        FieldRules.Uuid(violations, "engagementId", request.EngagementId);
        AgentNoteFieldRules.Note(violations, request.Note);
        AgentNoteFieldRules.Agent(violations, "createdBy", request.CreatedBy);
        violations.ThrowIfAny();
    }
}
