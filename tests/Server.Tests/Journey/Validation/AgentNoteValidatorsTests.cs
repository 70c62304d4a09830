using JourneyGrpc.Journey.V1;
using JourneyGrpc.Server.Journey.Validation;
using JourneyGrpc.Server.Tests.Journey.Infrastructure;

namespace JourneyGrpc.Server.Tests.Journey.Validation;

/// <summary>Documented 400s of the agent-note operations ("All fields must be populated", 20-character note ids).</summary>
public sealed class AgentNoteValidatorsTests
{
    [Theory]
    [InlineData("ABCDEF", Requests.EngagementId, "The agent Note text.", null, null)]
    [InlineData("ABCDE", Requests.EngagementId, "The agent Note text.", "accountId", "must match \"^[a-zA-Z]{6}$\"")]
    [InlineData("ABCDEF", "0f5d4e8f", "The agent Note text.", "engagementId", "must be a 36 character UUID")]
    [InlineData("ABCDEF", Requests.EngagementId, "", "note", "All fields must be populated")]
    public void CreateAgentNote_Table_ReportsViolation(string account, string engagementId, string note, string? field, string? message)
    {
        var violations = ValidatorAssert.Violations(() => CreateAgentNoteRequestValidator.Validate(new CreateAgentNoteRequest { AccountId = account, EngagementId = engagementId, Note = note }));

        Assert.Equal(field is null ? [] : [(field, message!)], violations);
    }

    [Fact]
    public void CreateAgentNote_NoteOver512_ReportsSize() =>
        ValidatorAssert.Single(
            () => CreateAgentNoteRequestValidator.Validate(new CreateAgentNoteRequest { AccountId = "ABCDEF", EngagementId = Requests.EngagementId, Note = new string('n', 513) }),
            "note",
            "size must be between 1 and 512");

    [Fact]
    public void CreateAgentNote_AuthorNameShort_ReportsSize() =>
        ValidatorAssert.Single(
            () => CreateAgentNoteRequestValidator.Validate(new CreateAgentNoteRequest { AccountId = "ABCDEF", EngagementId = Requests.EngagementId, Note = "n", CreatedBy = new AgentDetails { Id = "agent-1", Name = "Al" } }),
            "createdBy.name",
            "size must be between 3 and 100");

    [Theory]
    [InlineData(Requests.NoteId, "The agent Note text.", null, null)]
    [InlineData("Isfgy40BJ8Ew1LrQxUJ", "The agent Note text.", "noteId", "size must be between 20 and 20")]
    [InlineData("0f5d4e8f-2f73-439b-a8f7-af973291cfba", "The agent Note text.", "noteId", "size must be between 20 and 20")]
    [InlineData(Requests.NoteId, "", "note", "All fields must be populated")]
    public void UpdateAgentNote_Table_ReportsViolation(string noteId, string note, string? field, string? message)
    {
        var violations = ValidatorAssert.Violations(() => UpdateAgentNoteRequestValidator.Validate(new UpdateAgentNoteRequest { AccountId = "ABCDEF", EngagementId = Requests.EngagementId, NoteId = noteId, Note = note }));

        Assert.Equal(field is null ? [] : [(field, message!)], violations);
    }

    [Theory]
    [InlineData("ABCDEF", "g8fmy40BJ8Ew1LrQW0Js", null, null)]
    [InlineData("ABCDEF", "g8fmy40BJ8Ew1LrQW0Jsx", "noteId", "size must be between 20 and 20")]
    [InlineData("ABC", "g8fmy40BJ8Ew1LrQW0Js", "accountId", "must match \"^[a-zA-Z]{6}$\"")]
    public void DeleteAgentNote_Table_ReportsViolation(string account, string noteId, string? field, string? message)
    {
        var violations = ValidatorAssert.Violations(() => DeleteAgentNoteRequestValidator.Validate(new DeleteAgentNoteRequest { AccountId = account, EngagementId = Requests.EngagementId, NoteId = noteId }));

        Assert.Equal(field is null ? [] : [(field, message!)], violations);
    }

    [Theory]
    [InlineData("ABCDEF", Requests.EngagementId, null, null)]
    [InlineData("ABCDEF", "bad", "engagementId", "must be a 36 character UUID")]
    public void ListAgentNotes_Table_ReportsViolation(string account, string engagementId, string? field, string? message)
    {
        var violations = ValidatorAssert.Violations(() => ListAgentNotesRequestValidator.Validate(new ListAgentNotesRequest { AccountId = account, EngagementId = engagementId }));

        Assert.Equal(field is null ? [] : [(field, message!)], violations);
    }
}
