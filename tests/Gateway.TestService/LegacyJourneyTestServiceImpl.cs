using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Gateway.TestService.V1;
using Grpc.Core;

namespace JourneyGrpc.Gateway.TestService;

/// <summary>Avaya-like behaviour: validation with field violations, 201/202/204, duplicates.</summary>
public sealed class LegacyJourneyTestServiceImpl : LegacyJourneyTestService.LegacyJourneyTestServiceBase
{
    public override Task<SearchJourneysResponse> SearchJourneys(SearchJourneysRequest request, ServerCallContext context)
    {
        if (request.AccountId.Length != 6 || !request.AccountId.All(char.IsAsciiLetter))
        {
            throw Violation("accountId", "must match \"^[a-zA-Z]{6}$\"");
        }

        return Task.FromResult(new SearchJourneysResponse
        {
            AccountId = request.AccountId,
            Query = request.Query,
            Pagination = new Pagination { PageNumber = request.PageNumber == 0 ? 1 : request.PageNumber, PageSize = request.PageSize == 0 ? 50 : request.PageSize, Total = 0 },
        });
    }

    public override Task<AppendIdentifiersResponse> AppendIdentifiers(AppendIdentifiersRequest request, ServerCallContext context) =>
        request.Identifiers is null || request.Identifiers.Fields.Count == 0
            ? throw Violation("identifiers", "must not be empty")
            : Task.FromResult(new AppendIdentifiersResponse { Ignored = "never written" });

    public override Task<CreateAgentNoteResponse> CreateAgentNote(CreateAgentNoteRequest request, ServerCallContext context) => request.Note switch
    {
        "duplicate" => throw new RpcException(new Status(StatusCode.AlreadyExists, $"You cannot create second note for accountId = {request.AccountId} and engagementId = {request.EngagementId}")),
        FaultInjection.ThrowTrigger => throw FaultInjection.Exception(),
        _ => Task.FromResult(new CreateAgentNoteResponse { Id = "Isfgy40BJ8Ew1LrQxUJy", Note = request.Note }),
    };

    public override Task<DeleteAgentNoteResponse> DeleteAgentNote(DeleteAgentNoteRequest request, ServerCallContext context) =>
        Task.FromResult(new DeleteAgentNoteResponse());

    public override Task<GetEngagementsResponse> GetEngagements(GetEngagementsRequest request, ServerCallContext context) =>
        request.EngagementIds.Count == 0
            ? throw Violation("engagementIds", "must not be empty")
            : Task.FromResult(new GetEngagementsResponse { EngagementIds = { request.EngagementIds }, PageSize = request.PageSize });

    private static RpcException Violation(string field, string description) => new Google.Rpc.Status
    {
        Code = (int)StatusCode.InvalidArgument,
        Message = "A problem that indicates a syntactically correct, yet semantically illegal request.",
        Details = { Any.Pack(new Google.Rpc.BadRequest { FieldViolations = { new Google.Rpc.BadRequest.Types.FieldViolation { Field = field, Description = description } } }) },
    }.ToRpcException();
}
