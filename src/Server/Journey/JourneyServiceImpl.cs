using Google.Protobuf;
using JourneyGrpc.Journey.V1;
using Grpc.Core;
using JourneyGrpc.Server.Journey.Engagements;
using JourneyGrpc.Server.Journey.Errors;
using JourneyGrpc.Server.Journey.IdentifierTypes;
using JourneyGrpc.Server.Journey.Identity;
using JourneyGrpc.Server.Journey.Notes;
using JourneyGrpc.Server.Journey.Search;
using JourneyGrpc.Server.Journey.Validation;
using JourneyGrpc.Store;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Server.Journey;

/// <summary>
/// <c>journeygrpc.journey.v1.JourneyService</c>: each RPC validates its request (INVALID_ARGUMENT with
/// field violations) and hands it to one component. Every store call is scoped to the request's
/// <c>accountId</c>, so one account can never read or change another's data.
/// </summary>
internal sealed class JourneyServiceImpl(
    EngagementReader engagementReader,
    EngagementWriter engagementWriter,
    JourneySearch search,
    AgentListing agents,
    JourneyLinker linker,
    IdentifierTypeService identifierTypes,
    AgentNoteReader noteReader,
    AgentNoteWriter noteWriter,
    TimeProvider timeProvider) : JourneyService.JourneyServiceBase
{
    public override Task<GetEngagementsResponse> GetEngagements(GetEngagementsRequest request, ServerCallContext context) => RunAsync(request, context, ct =>
    {
        GetEngagementsRequestValidator.Validate(request);
        return engagementReader.GetManyAsync(
            request.AccountId,
            GetEngagementsRequestValidator.EngagementIds(request),
            request.HasPageSize ? request.PageSize : 50,
            request.HasPageNumber ? request.PageNumber : 1,
            ct);
    });

    public override Task<CreateEngagementResponse> CreateEngagement(CreateEngagementRequest request, ServerCallContext context) => RunAsync(request, context, async ct =>
    {
        CreateEngagementRequestValidator.Validate(request);
        await engagementWriter.CreateAsync(request, ct).ConfigureAwait(false);
        return new CreateEngagementResponse();
    });

    public override Task<GetEngagementResponse> GetEngagement(GetEngagementRequest request, ServerCallContext context) => RunAsync(request, context, async ct =>
    {
        GetEngagementRequestValidator.Validate(request);
        return new GetEngagementResponse { Engagement = await engagementReader.GetAsync(request.AccountId, request.EngagementId, ct).ConfigureAwait(false) };
    });

    public override Task<UpdateEngagementResponse> UpdateEngagement(UpdateEngagementRequest request, ServerCallContext context) => RunAsync(request, context, async ct =>
    {
        UpdateEngagementRequestValidator.Validate(request);
        await engagementWriter.UpdateAsync(request, ct).ConfigureAwait(false);
        return new UpdateEngagementResponse();
    });

    public override Task<AppendIdentifiersResponse> AppendIdentifiers(AppendIdentifiersRequest request, ServerCallContext context) => RunAsync(request, context, async ct =>
    {
        AppendIdentifiersRequestValidator.Validate(request);
        await engagementWriter.AppendIdentifiersAsync(request, ct).ConfigureAwait(false);
        return new AppendIdentifiersResponse();
    });

    public override Task<SearchJourneysResponse> SearchJourneys(SearchJourneysRequest request, ServerCallContext context) => RunAsync(request, context, ct =>
    {
        SearchJourneysRequestValidator.Validate(request);
        return search.SearchAsync(request, ct);
    });

    public override Task<CreateJourneyResponse> CreateJourney(CreateJourneyRequest request, ServerCallContext context) => RunAsync(request, context, async ct =>
    {
        CreateJourneyRequestValidator.Validate(request);
        await linker.CreateAsync(request, ct).ConfigureAwait(false);
        return new CreateJourneyResponse();
    });

    public override Task<UnlinkIdentifierResponse> UnlinkIdentifier(UnlinkIdentifierRequest request, ServerCallContext context) => RunAsync(request, context, ct =>
    {
        UnlinkIdentifierRequestValidator.Validate(request);
        return linker.UnlinkAsync(request, ct);
    });

    public override Task<ListAgentsResponse> ListAgents(ListAgentsRequest request, ServerCallContext context) => RunAsync(request, context, ct =>
    {
        ListAgentsRequestValidator.Validate(request);
        return agents.ListAsync(request, ct);
    });

    public override Task<CreateIdentifierTypeResponse> CreateIdentifierType(CreateIdentifierTypeRequest request, ServerCallContext context) => RunAsync(request, context, async ct =>
    {
        CreateIdentifierTypeRequestValidator.Validate(request);
        return new CreateIdentifierTypeResponse { IdentifierType = await identifierTypes.CreateAsync(request, ct).ConfigureAwait(false) };
    });

    public override Task<ListIdentifierTypesResponse> ListIdentifierTypes(ListIdentifierTypesRequest request, ServerCallContext context) => RunAsync(request, context, async ct =>
    {
        ListIdentifierTypesRequestValidator.Validate(request);
        var response = new ListIdentifierTypesResponse();
        response.IdentifierTypes.AddRange(await identifierTypes.ListAsync(request.AccountId, ct).ConfigureAwait(false));
        return response;
    });

    public override Task<GetIdentifierTypeResponse> GetIdentifierType(GetIdentifierTypeRequest request, ServerCallContext context) => RunAsync(request, context, async ct =>
    {
        GetIdentifierTypeRequestValidator.Validate(request);
        return new GetIdentifierTypeResponse { IdentifierType = await identifierTypes.GetAsync(request.AccountId, request.IdentifierId, ct).ConfigureAwait(false) };
    });

    public override Task<UpdateIdentifierTypeResponse> UpdateIdentifierType(UpdateIdentifierTypeRequest request, ServerCallContext context) => RunAsync(request, context, async ct =>
    {
        UpdateIdentifierTypeRequestValidator.Validate(request);
        return new UpdateIdentifierTypeResponse { IdentifierType = await identifierTypes.UpdateAsync(request, ct).ConfigureAwait(false) };
    });

    public override Task<DeleteIdentifierTypesResponse> DeleteIdentifierTypes(DeleteIdentifierTypesRequest request, ServerCallContext context) => RunAsync(request, context, async ct =>
    {
        DeleteIdentifierTypesRequestValidator.Validate(request);
        await identifierTypes.DeleteAsync(request, ct).ConfigureAwait(false);
        return new DeleteIdentifierTypesResponse();
    });

    public override Task<AddParticipantResponse> AddParticipant(AddParticipantRequest request, ServerCallContext context) => RunAsync(request, context, async ct =>
    {
        AddParticipantRequestValidator.Validate(request);
        await engagementWriter.AddParticipantAsync(request, ct).ConfigureAwait(false);
        return new AddParticipantResponse();
    });

    public override Task<RemoveParticipantResponse> RemoveParticipant(RemoveParticipantRequest request, ServerCallContext context) => RunAsync(request, context, async ct =>
    {
        RemoveParticipantRequestValidator.Validate(request);
        await engagementWriter.RemoveParticipantAsync(request, timeProvider.GetUtcNow(), ct).ConfigureAwait(false);
        return new RemoveParticipantResponse();
    });

    public override Task<ListAgentNotesResponse> ListAgentNotes(ListAgentNotesRequest request, ServerCallContext context) => RunAsync(request, context, async ct =>
    {
        ListAgentNotesRequestValidator.Validate(request);
        var response = new ListAgentNotesResponse();
        response.AgentNotes.AddRange(await noteReader.ListAsync(request.AccountId, EngagementIds.Normalize(request.EngagementId), ct).ConfigureAwait(false));
        return response;
    });

    public override Task<CreateAgentNoteResponse> CreateAgentNote(CreateAgentNoteRequest request, ServerCallContext context) => RunAsync(request, context, async ct =>
    {
        CreateAgentNoteRequestValidator.Validate(request);
        return new CreateAgentNoteResponse { AgentNote = await noteWriter.CreateAsync(request, ct).ConfigureAwait(false) };
    });

    public override Task<UpdateAgentNoteResponse> UpdateAgentNote(UpdateAgentNoteRequest request, ServerCallContext context) => RunAsync(request, context, async ct =>
    {
        UpdateAgentNoteRequestValidator.Validate(request);
        return new UpdateAgentNoteResponse { AgentNote = await noteWriter.UpdateAsync(request, ct).ConfigureAwait(false) };
    });

    public override Task<DeleteAgentNoteResponse> DeleteAgentNote(DeleteAgentNoteRequest request, ServerCallContext context) => RunAsync(request, context, async ct =>
    {
        DeleteAgentNoteRequestValidator.Validate(request);
        await noteWriter.DeleteAsync(request, ct).ConfigureAwait(false);
        return new DeleteAgentNoteResponse();
    });

    /// <summary>
    /// Runs one call after the rule every request shares (<see cref="NulCharacterRule"/>); store failures
    /// become statuses in <see cref="Hosting.Grpc.StoreFailureStatus"/>, as for every service.
    /// </summary>
    private static async Task<T> RunAsync<T>(IMessage request, ServerCallContext context, Func<CancellationToken, Task<T>> call)
    {
        NulCharacterRule.Validate(request);
        return await call(context.CancellationToken).ConfigureAwait(false);
    }
}
