using JourneyGrpc.Journey.V1;

namespace JourneyGrpc.Server.Journey.Validation;

/// <summary>The rules shared by the agent-note requests.</summary>
internal static class AgentNoteFieldRules
{
    internal const int NoteIdLength = 20;
    internal const int MaxNoteLength = 512;

    /// <summary><c>note</c>: empty is "All fields must be populated" (the spec's 400), otherwise 1..512 characters.</summary>
    internal static void Note(Violations violations, string note)
    {
        if (note.Length == 0)
        {
            violations.Add("note", ValidationMessages.AllFieldsPopulated);
        }
        else
        {
            FieldRules.Length(violations, "note", note, 1, MaxNoteLength);
        }
    }

    /// <summary>The 20-character note id of the path (<c>noteId</c> / <c>agentNoteId</c>: one route variable, spec section 6 #9).</summary>
    internal static void NoteId(Violations violations, string noteId) =>
        FieldRules.Length(violations, "noteId", noteId, NoteIdLength, NoteIdLength);

    /// <summary>AgentDetails when given: id and name of 3..100 characters.</summary>
    internal static void Agent(Violations violations, string field, AgentDetails? agent)
    {
        if (agent is not null)
        {
            FieldRules.Length(violations, field + ".id", agent.Id, 3, 100);
            FieldRules.Length(violations, field + ".name", agent.Name, 3, 100);
        }
    }
}
