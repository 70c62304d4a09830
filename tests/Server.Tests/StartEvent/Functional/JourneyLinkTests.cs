using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using JourneyGrpc.Journey.V1;
using JourneyGrpc.Server.Journey;
using JourneyGrpc.Server.StartEvent;
using JourneyGrpc.Server.Tests.Campaign.Infrastructure;
using JourneyGrpc.Server.Tests.Journey.Infrastructure;
using JourneyGrpc.StartEvent.V1;
using JourneyGrpc.Tests.Hosting;

namespace JourneyGrpc.Server.Tests.StartEvent.Functional;

/// <summary>A customer's journey (JourneyService) finds its Context Services services, by customer id and by interaction id.</summary>
public sealed class JourneyLinkTests : IAsyncLifetime
{
    private LoopbackTestHost _host = null!;
    private GrpcChannel _channel = null!;
    private HttpClient _rest = null!;

    private StartEventService.StartEventServiceClient Services => new(_channel);

    private JourneyService.JourneyServiceClient Journeys => new(_channel);

    public async Task InitializeAsync()
    {
        _host = await LoopbackTestHost.StartAsync(
            "journey-link",
            (services, configuration) =>
            {
                services.AddJourneyService(configuration);
                services.AddStartEvent(configuration);
            },
            app =>
            {
                app.MapJourneyService();
                app.MapStartEvent();
            },
            restGateway: true,
            timeout: TestTimeouts.Default);
        _channel = GrpcChannel.ForAddress(_host.GrpcAddress);
        _rest = new HttpClient { BaseAddress = _host.RestAddress, Timeout = TestTimeouts.Default };
    }

    public async Task DisposeAsync()
    {
        _rest.Dispose();
        _channel.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task ListJourneyServices_ByCustomerIdAndInteraction_FoundFromAnyJourneyIdentifier()
    {
        await Journeys.CreateEngagementAsync(Requests.CreateEngagement());
        var byCustomer = await StartAsync(new ServiceStartEvent { CustomerId = "melinda14@example.org", ServiceType = Value.ForNumber(1) }, Requests.Account);
        var byEngagement = await StartAsync(new ServiceStartEvent { ContactKey = "ANI-1", InteractionId = Requests.EngagementId, Timestamp = "2030-01-01T00:00:00.000Z" }, Requests.Account);
        var byConversation = await StartAsync(new ServiceStartEvent { ContactKey = "ANI-2", InteractionId = "Mortgage Application", Timestamp = "2020-01-01T00:00:00.000Z" }, Requests.Account);
        _ = await StartAsync(new ServiceStartEvent { CustomerId = "someone-else" }, Requests.Account);
        _ = await StartAsync(new ServiceStartEvent { CustomerId = "melinda14@example.org" }, "OTHERS");

        // Asked by a phone number of the same journey: the e-mail links the customer's service.
        var found = await Services.ListJourneyServicesAsync(new ListJourneyServicesRequest { AccountId = Requests.Account, IdentifierType = "phoneNumbers", IdentifierValue = "019 718 0171" });
        // Newest first: 2030 (by engagement id), now (by customer id), 2020 (by conversation id).
        Assert.Equal([byEngagement, byCustomer, byConversation], found.Services.Select(s => s.ServiceId));

        using var response = await _rest.GetAsync($"/genesys/1/cs/accounts/{Requests.Account}/journey/services?identifier_type=emailAddresses&identifier_value=cmartin%40example.org").Bounded();
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 200, body);
        Assert.Equal(3, System.Text.Json.Nodes.JsonNode.Parse(body)!.AsArray().Count);
    }

    [Fact]
    public async Task ListJourneyServices_UnknownIdentifier_NotFound()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Services.ListJourneyServicesAsync(new ListJourneyServicesRequest { AccountId = Requests.Account, IdentifierType = "phoneNumbers", IdentifierValue = "000" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    private async Task<long> StartAsync(ServiceStartEvent e, string tenant) =>
        (await Services.StartServiceAsync(new StartServiceRequest { Tenant = tenant, Event = e })).ServiceId;
}
