using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using JourneyGrpc.Journey.V1;
using JourneyGrpc.Server.Journey.Search;
using JourneyGrpc.Server.Journey.Validation;
using JourneyGrpc.Server.StartEvent.Storage;
using JourneyGrpc.StartEvent.V1;

namespace JourneyGrpc.Server.StartEvent.Queries;

/// <summary>
/// The link between journeys (JourneyService) and Context Services: the journey of an identifier is
/// resolved by the journey service's own search (so its rules and errors apply), then services are
/// read from two indexes: by customer id (each of the journey's identifier values) and by interaction
/// id (each engagement's id and conversation ids). The account id is the services' tenant.
/// </summary>
internal sealed class JourneyServiceQueries(StartEventRecords records, IServiceProvider services)
{
    private const int EngagementPageSize = 50;
    private const int MaxEngagementPages = 20;

    internal async Task<List<Service>> ListAsync(ListJourneyServicesRequest request, CancellationToken ct)
    {
        var search = services.GetService<JourneySearch>()
            ?? throw new RpcException(new Grpc.Core.Status(StatusCode.FailedPrecondition, "This server does not host journeygrpc.journey.v1.JourneyService; a journey's services cannot be resolved."));
        var customers = new HashSet<string>(StringComparer.Ordinal);
        var interactions = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 1; page <= MaxEngagementPages; page++)
        {
            var query = new SearchJourneysRequest { AccountId = request.AccountId, Query = new JourneyQuery(), PageSize = EngagementPageSize, PageNumber = page };
            query.Query.Identifiers[request.IdentifierType] = new ListValue { Values = { Value.ForString(request.IdentifierValue) } };
            SearchJourneysRequestValidator.Validate(query);
            var found = await search.SearchAsync(query, ct).ConfigureAwait(false);
            customers.UnionWith(found.Identifiers.Values.SelectMany(list => list.Values).Where(v => v.KindCase == Value.KindOneofCase.StringValue).Select(v => v.StringValue));
            foreach (var engagement in found.Engagements)
            {
                interactions.Add(engagement.Id);
                interactions.UnionWith(engagement.Conversations);
            }

            if ((long)page * EngagementPageSize >= found.Pagination.Total)
            {
                break;
            }
        }

        var byId = new Dictionary<long, Service>();
        foreach (var (index, keys) in new[] { (StartEventCollections.ByCustomer, customers), (StartEventCollections.ByInteraction, interactions) })
        {
            foreach (var key in keys.Where(k => k.Length is > 0 and <= 1024))
            {
                foreach (var service in await records.FindAllAsync(request.AccountId, StartEventCollections.Services, index, key, Service.Parser, ct).ConfigureAwait(false))
                {
                    byId.TryAdd(service.ServiceId, service);
                }
            }
        }

        return [.. byId.Values.OrderByDescending(s => s.Started.Timestamp, StringComparer.Ordinal).ThenByDescending(s => s.ServiceId)];
    }
}
