using JourneyGrpc.Journey.V1;
using Grpc.Core;
using JourneyGrpc.Server.Tests.Journey.Infrastructure;

namespace JourneyGrpc.Server.Tests.Journey.Functional;

/// <summary>Identifier type administration: create, list, get, update, delete, unique names, journeys intact after delete.</summary>
public sealed class IdentifierTypeFlowTests(JourneyTestServer server) : IClassFixture<JourneyTestServer>
{
    private readonly JourneyService.JourneyServiceClient _client = server.Client;

    [Fact]
    public async Task Create_SpecExample_ReturnsTypeWithIdAndUrl()
    {
        var account = JourneyTestServer.NewAccountId();

        var created = (await _client.CreateIdentifierTypeAsync(
            new CreateIdentifierTypeRequest { AccountId = account, Name = "phoneNumbers", DisplayName = "Phone Numbers", IdentifierStrength = IdentifierStrength.Weak },
            JourneyTestServer.Bounded())).IdentifierType;

        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", created.IdentifierId);
        Assert.Equal($"/api/journey/v1/accounts/{account}/identifiers/{created.IdentifierId}", created.Url);
        Assert.Equal(IdentifierStrength.Weak, created.IdentifierStrength);
        var got = (await _client.GetIdentifierTypeAsync(new GetIdentifierTypeRequest { AccountId = account, IdentifierId = created.IdentifierId.ToUpperInvariant() }, JourneyTestServer.Bounded())).IdentifierType;
        Assert.Equal(created, got);
    }

    [Fact]
    public async Task Create_DuplicateName_InvalidArgumentWithSpecMessage()
    {
        var account = JourneyTestServer.NewAccountId();
        await _client.CreateIdentifierTypeAsync(Requests.CreateIdentifierType(account), JourneyTestServer.Bounded());

        await RpcAssert.InvalidArgumentAsync(
            () => _client.CreateIdentifierTypeAsync(Requests.CreateIdentifierType(account), JourneyTestServer.Bounded()).ResponseAsync,
            "name",
            $"identifier 'universalIds' already exists for account '{account}'");
    }

    [Fact]
    public async Task Create_SameNameOtherAccount_Allowed()
    {
        await _client.CreateIdentifierTypeAsync(Requests.CreateIdentifierType(JourneyTestServer.NewAccountId()), JourneyTestServer.Bounded());

        await _client.CreateIdentifierTypeAsync(Requests.CreateIdentifierType(JourneyTestServer.NewAccountId()), JourneyTestServer.Bounded());
    }

    [Fact]
    public async Task List_InCreationOrder()
    {
        var account = JourneyTestServer.NewAccountId();
        foreach (var name in new[] { "twitterHandles", "phoneNumbers", "universalIds" })
        {
            await _client.CreateIdentifierTypeAsync(Requests.CreateIdentifierType(account, name), JourneyTestServer.Bounded());
        }

        var list = await _client.ListIdentifierTypesAsync(new ListIdentifierTypesRequest { AccountId = account }, JourneyTestServer.Bounded());

        Assert.Equal(["twitterHandles", "phoneNumbers", "universalIds"], list.IdentifierTypes.Select(t => t.Name));
    }

    [Fact]
    public async Task Update_SpecExample_ReplacesType()
    {
        var account = JourneyTestServer.NewAccountId();
        var created = (await _client.CreateIdentifierTypeAsync(Requests.CreateIdentifierType(account, "emailAddresses"), JourneyTestServer.Bounded())).IdentifierType;

        var updated = (await _client.UpdateIdentifierTypeAsync(
            new UpdateIdentifierTypeRequest { AccountId = account, IdentifierId = created.IdentifierId, Name = "emailAddresses", DisplayName = "E-Mail addresses", IdentifierStrength = IdentifierStrength.Strong },
            JourneyTestServer.Bounded())).IdentifierType;

        Assert.Equal(created.IdentifierId, updated.IdentifierId);
        Assert.Equal("E-Mail addresses", updated.DisplayName);
        Assert.Equal(updated, (await _client.GetIdentifierTypeAsync(new GetIdentifierTypeRequest { AccountId = account, IdentifierId = created.IdentifierId }, JourneyTestServer.Bounded())).IdentifierType);
    }

    [Fact]
    public async Task Update_RenameToTakenName_InvalidArgument()
    {
        var account = JourneyTestServer.NewAccountId();
        await _client.CreateIdentifierTypeAsync(Requests.CreateIdentifierType(account, "twitterHandles"), JourneyTestServer.Bounded());
        var other = (await _client.CreateIdentifierTypeAsync(Requests.CreateIdentifierType(account, "universalIds"), JourneyTestServer.Bounded())).IdentifierType;

        await RpcAssert.InvalidArgumentAsync(
            () => _client.UpdateIdentifierTypeAsync(
                new UpdateIdentifierTypeRequest { AccountId = account, IdentifierId = other.IdentifierId, Name = "twitterHandles", DisplayName = "Twitter", IdentifierStrength = IdentifierStrength.Weak },
                JourneyTestServer.Bounded()).ResponseAsync,
            "name",
            $"identifier 'twitterHandles' already exists for account '{account}'");
    }

    [Fact]
    public async Task GetUpdate_Unknown_NotFound()
    {
        var account = JourneyTestServer.NewAccountId();
        const string Unknown = "23aafae6-5d7e-40cd-8825-27313a5af3e8";

        await RpcAssert.FailsAsync(() => _client.GetIdentifierTypeAsync(new GetIdentifierTypeRequest { AccountId = account, IdentifierId = Unknown }, JourneyTestServer.Bounded()).ResponseAsync, StatusCode.NotFound);
        await RpcAssert.FailsAsync(
            () => _client.UpdateIdentifierTypeAsync(
                new UpdateIdentifierTypeRequest { AccountId = account, IdentifierId = Unknown, Name = "universalIds", DisplayName = "Universal ids", IdentifierStrength = IdentifierStrength.Strong },
                JourneyTestServer.Bounded()).ResponseAsync,
            StatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_ByIdAndByName_StopsCollectingKeepsJourneys()
    {
        var account = JourneyTestServer.NewAccountId();
        var universal = (await _client.CreateIdentifierTypeAsync(Requests.CreateIdentifierType(account, "universalIds"), JourneyTestServer.Bounded())).IdentifierType;
        await _client.CreateIdentifierTypeAsync(Requests.CreateIdentifierType(account, "twitterHandles"), JourneyTestServer.Bounded());
        var create = Requests.CreateEngagement(account);
        create.Identifiers.Add(Ids.Of(("universalIds", "7fdf89aa-70e6-4de9-8d7a-e1bbc4edcbaf")));
        await _client.CreateEngagementAsync(create, JourneyTestServer.Bounded());

        await _client.DeleteIdentifierTypesAsync(new DeleteIdentifierTypesRequest { AccountId = account, IdentifierIds = { universal.IdentifierId, "twitterHandles" } }, JourneyTestServer.Bounded());

        Assert.Empty((await _client.ListIdentifierTypesAsync(new ListIdentifierTypesRequest { AccountId = account }, JourneyTestServer.Bounded())).IdentifierTypes);
        var found = await _client.SearchJourneysAsync(
            new SearchJourneysRequest { AccountId = account, Query = new JourneyQuery { Identifiers = { Ids.Of(("universalIds", "7fdf89aa-70e6-4de9-8d7a-e1bbc4edcbaf")) } } },
            JourneyTestServer.Bounded());
        Assert.Equal([Requests.EngagementId], found.Engagements.Select(e => e.Id));
        Assert.Contains("universalIds=7fdf89aa-70e6-4de9-8d7a-e1bbc4edcbaf", Ids.Flatten(found.Engagements[0].Identifiers));
        var again = Requests.CreateEngagement(account, "8b23981b-69b4-446f-ace7-b4ad22715979");
        again.Identifiers.Add(Ids.Of(("universalIds", "another")));
        await RpcAssert.InvalidArgumentAsync(() => _client.CreateEngagementAsync(again, JourneyTestServer.Bounded()).ResponseAsync, "identifiers", "Invalid customerIds type in the request [universalIds]");
    }

    [Fact]
    public async Task Delete_NoneExists_NotFound()
    {
        await RpcAssert.FailsAsync(
            () => _client.DeleteIdentifierTypesAsync(new DeleteIdentifierTypesRequest { AccountId = JourneyTestServer.NewAccountId(), IdentifierIds = { "e53e8dfc-a716-4f53-9647-ca4f712e1c88" } }, JourneyTestServer.Bounded()).ResponseAsync,
            StatusCode.NotFound);
    }
}
