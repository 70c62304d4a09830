using Google.Rpc;
using JourneyGrpc.Journey.V1;
using Grpc.Core;
using JourneyGrpc.Server.Tests.Journey.Infrastructure;

namespace JourneyGrpc.Server.Tests.Journey.Functional;

/// <summary>Agent notes: create (one per engagement), list, update, delete, and the 422 case.</summary>
public sealed class AgentNoteFlowTests(JourneyTestServer server) : IClassFixture<JourneyTestServer>
{
    private readonly JourneyService.JourneyServiceClient _client = server.Client;

    [Fact]
    public async Task Crud_SpecExamples_RoundTrip()
    {
        var account = JourneyTestServer.NewAccountId();
        var author = new AgentDetails { Id = "0f5d4e8f-2f73-439b-a8f7-af973291cfba", Name = "Agent Name / Supervisor Name" };

        var created = (await _client.CreateAgentNoteAsync(new CreateAgentNoteRequest { AccountId = account, EngagementId = Requests.EngagementId, Note = "The agent Note text.", CreatedBy = author }, JourneyTestServer.Bounded())).AgentNote;
        Assert.Equal(20, created.Id.Length);
        Assert.Equal(Requests.EngagementId, created.EngagementId);
        Assert.Equal(author, created.CreatedBy);
        Assert.NotNull(created.CreatedAt);
        Assert.Null(created.UpdatedAt);
        Assert.Null(created.UpdatedBy);

        var listed = await _client.ListAgentNotesAsync(new ListAgentNotesRequest { AccountId = account, EngagementId = Requests.EngagementId }, JourneyTestServer.Bounded());
        Assert.Equal([created], listed.AgentNotes);

        var updated = (await _client.UpdateAgentNoteAsync(new UpdateAgentNoteRequest { AccountId = account, EngagementId = Requests.EngagementId, NoteId = created.Id, Note = "The Agent Note Text" }, JourneyTestServer.Bounded())).AgentNote;
        Assert.Equal("The Agent Note Text", updated.Note);
        Assert.Equal(author, updated.UpdatedBy);
        Assert.NotNull(updated.UpdatedAt);

        await _client.DeleteAgentNoteAsync(new DeleteAgentNoteRequest { AccountId = account, EngagementId = Requests.EngagementId, NoteId = created.Id }, JourneyTestServer.Bounded());
        Assert.Empty((await _client.ListAgentNotesAsync(new ListAgentNotesRequest { AccountId = account, EngagementId = Requests.EngagementId }, JourneyTestServer.Bounded())).AgentNotes);

        // Deleting frees the engagement for a new note.
        await _client.CreateAgentNoteAsync(new CreateAgentNoteRequest { AccountId = account, EngagementId = Requests.EngagementId, Note = "again" }, JourneyTestServer.Bounded());
    }

    [Fact]
    public async Task Create_SecondNote_FailedPreconditionWithSpecViolation()
    {
        var account = JourneyTestServer.NewAccountId();
        await _client.CreateAgentNoteAsync(new CreateAgentNoteRequest { AccountId = account, EngagementId = Requests.EngagementId, Note = "first" }, JourneyTestServer.Bounded());

        var exception = await RpcAssert.FailsAsync(
            () => _client.CreateAgentNoteAsync(new CreateAgentNoteRequest { AccountId = account, EngagementId = Requests.EngagementId.ToUpperInvariant(), Note = "second" }, JourneyTestServer.Bounded()).ResponseAsync,
            StatusCode.FailedPrecondition);

        var violation = exception.GetRpcStatus()!.Details.Single(d => d.Is(PreconditionFailure.Descriptor)).Unpack<PreconditionFailure>().Violations.Single();
        Assert.Equal("AGENT_NOTE_EXISTS", violation.Type);
        Assert.Equal("Engagement", violation.Subject);
        Assert.Equal($"You cannot create second note for accountId = {account} and engagementId = {Requests.EngagementId}", violation.Description);
    }

    [Fact]
    public async Task Create_ConcurrentNotes_ExactlyOneWins()
    {
        var account = JourneyTestServer.NewAccountId();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            try
            {
                await _client.CreateAgentNoteAsync(new CreateAgentNoteRequest { AccountId = account, EngagementId = Requests.EngagementId, Note = $"note {i}" }, JourneyTestServer.Bounded());
                return StatusCode.OK;
            }
            catch (RpcException ex)
            {
                return ex.StatusCode;
            }
        }));

        Assert.Equal(1, results.Count(r => r == StatusCode.OK));
        Assert.Equal(5, results.Count(r => r == StatusCode.FailedPrecondition));
    }

    [Fact]
    public async Task Update_UnknownNote_InvalidArgumentOnNoteId()
    {
        await RpcAssert.InvalidArgumentAsync(
            () => _client.UpdateAgentNoteAsync(new UpdateAgentNoteRequest { AccountId = JourneyTestServer.NewAccountId(), EngagementId = Requests.EngagementId, NoteId = Requests.NoteId, Note = "x" }, JourneyTestServer.Bounded()).ResponseAsync,
            "noteId",
            "must exist for the engagement");
    }

    [Fact]
    public async Task Delete_UnknownNote_Succeeds()
    {
        await _client.DeleteAgentNoteAsync(new DeleteAgentNoteRequest { AccountId = JourneyTestServer.NewAccountId(), EngagementId = Requests.EngagementId, NoteId = "g8fmy40BJ8Ew1LrQW0Js" }, JourneyTestServer.Bounded());
    }

    [Fact]
    public async Task Notes_OtherAccount_Invisible()
    {
        var owner = JourneyTestServer.NewAccountId();
        var note = (await _client.CreateAgentNoteAsync(new CreateAgentNoteRequest { AccountId = owner, EngagementId = Requests.EngagementId, Note = "mine" }, JourneyTestServer.Bounded())).AgentNote;
        var other = JourneyTestServer.NewAccountId();

        Assert.Empty((await _client.ListAgentNotesAsync(new ListAgentNotesRequest { AccountId = other, EngagementId = Requests.EngagementId }, JourneyTestServer.Bounded())).AgentNotes);
        await _client.DeleteAgentNoteAsync(new DeleteAgentNoteRequest { AccountId = other, EngagementId = Requests.EngagementId, NoteId = note.Id }, JourneyTestServer.Bounded());
        Assert.Single((await _client.ListAgentNotesAsync(new ListAgentNotesRequest { AccountId = owner, EngagementId = Requests.EngagementId }, JourneyTestServer.Bounded())).AgentNotes);
    }
}
