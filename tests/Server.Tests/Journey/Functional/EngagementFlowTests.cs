using Google.Rpc;
using JourneyGrpc.Journey.V1;
using Grpc.Core;
using JourneyGrpc.Server.Tests.Journey.Infrastructure;

namespace JourneyGrpc.Server.Tests.Journey.Functional;

/// <summary>Engagements through the generated typed client on real Kestrel.</summary>
public sealed class EngagementFlowTests(JourneyTestServer server) : IClassFixture<JourneyTestServer>
{
    private readonly JourneyService.JourneyServiceClient _client = server.Client;

    [Fact]
    public async Task CreateEngagement_SpecExample_IsReadBack()
    {
        var account = JourneyTestServer.NewAccountId();
        await _client.CreateEngagementAsync(Requests.CreateEngagement(account), JourneyTestServer.Bounded());

        var engagement = (await _client.GetEngagementAsync(new GetEngagementRequest { AccountId = account, EngagementId = Requests.EngagementId }, JourneyTestServer.Bounded())).Engagement;

        Assert.Equal(Requests.EngagementId, engagement.Id);
        Assert.Equal(account, engagement.AccountId);
        Assert.Equal(EngagementStatus.Created, engagement.Status);
        Assert.Equal(Direction.Inbound, engagement.Direction);
        Assert.Equal(Requests.At("2019-07-23T17:45:21.002Z"), engagement.StartDate);
        Assert.Null(engagement.UpdateDate);
        Assert.Null(engagement.EndDate);
        Assert.Equal(["Mortgage Application", "First-time Buyer"], engagement.Conversations);
        Assert.Equal("Under review", engagement.Data["currentStatus"]);
        Assert.Equal(5, Ids.Flatten(engagement.Identifiers).Length);
    }

    [Fact]
    public async Task CreateEngagement_NulInIdentifierValue_InvalidArgumentAndNothingStored()
    {
        var account = JourneyTestServer.NewAccountId();
        var request = Requests.CreateEngagement(account);
        request.Identifiers["emailAddresses"].Values[0] = Google.Protobuf.WellKnownTypes.Value.ForString("melinda14\0@example.org");

        await RpcAssert.InvalidArgumentAsync(() => _client.CreateEngagementAsync(request, JourneyTestServer.Bounded()).ResponseAsync, "identifiers.emailAddresses[0]", "must not contain the NUL character (U+0000)");

        var read = await Assert.ThrowsAsync<RpcException>(() => _client.GetEngagementAsync(new GetEngagementRequest { AccountId = account, EngagementId = Requests.EngagementId }, JourneyTestServer.Bounded()).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task CreateEngagement_Repeated_IsIdempotentAndKeepsFirst()
    {
        var account = JourneyTestServer.NewAccountId();
        await _client.CreateEngagementAsync(Requests.CreateEngagement(account), JourneyTestServer.Bounded());
        var again = Requests.CreateEngagement(account);
        again.Conversations.Clear();
        again.Conversations.Add("Something else");

        await _client.CreateEngagementAsync(again, JourneyTestServer.Bounded());
        await _client.CreateEngagementAsync(again, JourneyTestServer.Bounded());

        var engagement = (await _client.GetEngagementAsync(new GetEngagementRequest { AccountId = account, EngagementId = Requests.EngagementId }, JourneyTestServer.Bounded())).Engagement;
        Assert.Equal(["Mortgage Application", "First-time Buyer"], engagement.Conversations);
    }

    [Fact]
    public async Task CreateEngagement_ConcurrentSameId_AllSucceedOneRecord()
    {
        var account = JourneyTestServer.NewAccountId();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _client.CreateEngagementAsync(Requests.CreateEngagement(account), JourneyTestServer.Bounded()).ResponseAsync));

        var found = await _client.GetEngagementsAsync(new GetEngagementsRequest { AccountId = account, EngagementIds = { Requests.EngagementId } }, JourneyTestServer.Bounded());
        Assert.Equal(1, found.Pagination.Total);
    }

    [Fact]
    public async Task CreateEngagement_Outbound_IsKept()
    {
        var account = JourneyTestServer.NewAccountId();
        var request = Requests.CreateEngagement(account);
        request.Direction = Direction.Outbound;

        await _client.CreateEngagementAsync(request, JourneyTestServer.Bounded());

        var engagement = (await _client.GetEngagementAsync(new GetEngagementRequest { AccountId = account, EngagementId = Requests.EngagementId }, JourneyTestServer.Bounded())).Engagement;
        Assert.Equal(Direction.Outbound, engagement.Direction);
    }

    [Fact]
    public async Task CreateEngagement_UnconfiguredIdentifier_InvalidArgument()
    {
        var account = JourneyTestServer.NewAccountId();
        var request = Requests.CreateEngagement(account);
        request.Identifiers.Clear();
        request.Identifiers.Add(Ids.Of(("universalIds", "7fdf89aa-70e6-4de9-8d7a-e1bbc4edcbaf")));

        await RpcAssert.InvalidArgumentAsync(() => _client.CreateEngagementAsync(request, JourneyTestServer.Bounded()).ResponseAsync, "identifiers", "No valid identifiers configured for account");
    }

    [Fact]
    public async Task CreateEngagement_CustomIdentifierConfigured_Accepted()
    {
        var account = JourneyTestServer.NewAccountId();
        await _client.CreateIdentifierTypeAsync(Requests.CreateIdentifierType(account), JourneyTestServer.Bounded());
        var request = Requests.CreateEngagement(account, "8b23981b-69b4-446f-ace7-b4ad22715979");
        request.Identifiers.Clear();
        request.Identifiers.Add(Ids.Of(("universalIds", "7fdf89aa-70e6-4de9-8d7a-e1bbc4edcbaf")));

        await _client.CreateEngagementAsync(request, JourneyTestServer.Bounded());

        var engagement = (await _client.GetEngagementAsync(new GetEngagementRequest { AccountId = account, EngagementId = request.Id }, JourneyTestServer.Bounded())).Engagement;
        Assert.Equal(["universalIds=7fdf89aa-70e6-4de9-8d7a-e1bbc4edcbaf"], Ids.Flatten(engagement.Identifiers));
    }

    [Fact]
    public async Task GetEngagement_Unknown_NotFound()
    {
        var exception = await RpcAssert.FailsAsync(
            () => _client.GetEngagementAsync(new GetEngagementRequest { AccountId = JourneyTestServer.NewAccountId(), EngagementId = Requests.EngagementId }, JourneyTestServer.Bounded()).ResponseAsync,
            StatusCode.NotFound);

        Assert.Contains(exception.GetRpcStatus()!.Details, d => d.Is(ResourceInfo.Descriptor));
    }

    [Fact]
    public async Task GetEngagement_InvalidAccount_FieldViolationInStatusDetails()
    {
        var violations = await RpcAssert.ViolationsAsync(
            () => _client.GetEngagementAsync(new GetEngagementRequest { AccountId = "ABC", EngagementId = "nope" }, JourneyTestServer.Bounded()).ResponseAsync);

        Assert.Equal([("accountId", "must match \"^[a-zA-Z]{6}$\""), ("engagementId", "must be a 36 character UUID")], violations);
    }

    [Fact]
    public async Task GetEngagements_OrderAsked_UnknownLeftOut_Paged()
    {
        var account = JourneyTestServer.NewAccountId();
        string[] ids = ["b9da2450-415c-46ff-af58-0c3f39aee204", "9a8575cb-344f-4435-88b0-233455323a52", "db158d0e-3926-45b5-a353-35d1e8b82705"];
        foreach (var id in ids)
        {
            await _client.CreateEngagementAsync(Requests.CreateEngagement(account, id), JourneyTestServer.Bounded());
        }

        var request = new GetEngagementsRequest { AccountId = account, EngagementIds = { $"{ids[2]},00000000-0000-0000-0000-000000000000", ids[0].ToUpperInvariant(), ids[1] }, PageSize = 2, PageNumber = 2 };
        var page = await _client.GetEngagementsAsync(request, JourneyTestServer.Bounded());

        Assert.Equal(new Pagination { PageNumber = 2, PageSize = 2, Total = 3 }, page.Pagination);
        Assert.Equal([ids[1]], page.Engagements.Select(e => e.Id));
    }

    [Fact]
    public async Task GetEngagements_NoneFound_NotFound()
    {
        await RpcAssert.FailsAsync(
            () => _client.GetEngagementsAsync(new GetEngagementsRequest { AccountId = JourneyTestServer.NewAccountId(), EngagementIds = { Requests.EngagementId } }, JourneyTestServer.Bounded()).ResponseAsync,
            StatusCode.NotFound);
    }

    [Fact]
    public async Task UpdateEngagement_SpecExample_AddsIdentifiersMergesDataSetsUpdateDate()
    {
        var account = JourneyTestServer.NewAccountId();
        var create = Requests.CreateEngagement(account);
        create.Data["other"] = "kept value";
        await _client.CreateEngagementAsync(create, JourneyTestServer.Bounded());
        var update = Requests.UpdateEngagement(account);
        update.Data["currentStatus"] = "Approved";
        update.Conversations.Add("Car Loan");

        await _client.UpdateEngagementAsync(update, JourneyTestServer.Bounded());

        var engagement = (await _client.GetEngagementAsync(new GetEngagementRequest { AccountId = account, EngagementId = Requests.EngagementId }, JourneyTestServer.Bounded())).Engagement;
        Assert.Contains("accountIds=d1482af8-d865-4df0-932d-f9559f25086d", Ids.Flatten(engagement.Identifiers));
        Assert.Equal("Approved", engagement.Data["currentStatus"]);
        Assert.Equal("kept value", engagement.Data["other"]);
        Assert.Equal(["Mortgage Application", "First-time Buyer", "Car Loan"], engagement.Conversations);
        Assert.Equal(Requests.At("2019-07-23T17:48:21.002Z"), engagement.UpdateDate);
    }

    [Fact]
    public async Task UpdateEngagement_Unknown_NotFound()
    {
        await RpcAssert.FailsAsync(() => _client.UpdateEngagementAsync(Requests.UpdateEngagement(JourneyTestServer.NewAccountId()), JourneyTestServer.Bounded()).ResponseAsync, StatusCode.NotFound);
    }

    [Fact]
    public async Task UpdateEngagement_SomeIdentifierTypesUnknown_NamesThem()
    {
        var account = JourneyTestServer.NewAccountId();
        await _client.CreateEngagementAsync(Requests.CreateEngagement(account), JourneyTestServer.Bounded());
        var update = Requests.UpdateEngagement(account);
        update.Identifiers.Add(Ids.Of(("twitterHandles", "@melinda")));

        await RpcAssert.InvalidArgumentAsync(
            () => _client.UpdateEngagementAsync(update, JourneyTestServer.Bounded()).ResponseAsync,
            "identifiers",
            "Invalid customerIds type in the request [twitterHandles]");
    }

    [Fact]
    public async Task AppendIdentifiers_SpecExample_AddsOnlyNewValues()
    {
        var account = JourneyTestServer.NewAccountId();
        var create = Requests.CreateEngagement(account);
        create.Identifiers.Clear();
        create.Identifiers.Add(Ids.Of(("accountIds", "d1482af8-d865-4df0-932d-f9559f25086d")));
        await _client.CreateEngagementAsync(create, JourneyTestServer.Bounded());

        await _client.AppendIdentifiersAsync(
            new AppendIdentifiersRequest { AccountId = account, EngagementId = Requests.EngagementId, Identifiers = { Ids.Of(("phoneNumbers", "019 718 0171"), ("emailAddresses", "melinda14@example.org")) } },
            JourneyTestServer.Bounded());
        await _client.AppendIdentifiersAsync(
            new AppendIdentifiersRequest { AccountId = account, EngagementId = Requests.EngagementId, Identifiers = { Ids.Of(("phoneNumbers", "019 718 0171")) } },
            JourneyTestServer.Bounded());

        var engagement = (await _client.GetEngagementAsync(new GetEngagementRequest { AccountId = account, EngagementId = Requests.EngagementId }, JourneyTestServer.Bounded())).Engagement;
        Assert.Equal(
            ["accountIds=d1482af8-d865-4df0-932d-f9559f25086d", "emailAddresses=melinda14@example.org", "phoneNumbers=019 718 0171"],
            Ids.Flatten(engagement.Identifiers));
    }

    [Fact]
    public async Task AppendIdentifiers_Unknown_NotFound()
    {
        await RpcAssert.FailsAsync(
            () => _client.AppendIdentifiersAsync(
                new AppendIdentifiersRequest { AccountId = JourneyTestServer.NewAccountId(), EngagementId = Requests.EngagementId, Identifiers = { Ids.Of(("phoneNumbers", "019 718 0171")) } },
                JourneyTestServer.Bounded()).ResponseAsync,
            StatusCode.NotFound);
    }

    [Fact]
    public async Task AnyCall_OtherAccount_SeesNothing()
    {
        var owner = JourneyTestServer.NewAccountId();
        var other = JourneyTestServer.NewAccountId();
        await _client.CreateEngagementAsync(Requests.CreateEngagement(owner), JourneyTestServer.Bounded());

        await RpcAssert.FailsAsync(() => _client.GetEngagementAsync(new GetEngagementRequest { AccountId = other, EngagementId = Requests.EngagementId }, JourneyTestServer.Bounded()).ResponseAsync, StatusCode.NotFound);
        await RpcAssert.FailsAsync(() => _client.UpdateEngagementAsync(Requests.UpdateEngagement(other), JourneyTestServer.Bounded()).ResponseAsync, StatusCode.NotFound);
        await RpcAssert.FailsAsync(
            () => _client.SearchJourneysAsync(new SearchJourneysRequest { AccountId = other, Query = new JourneyQuery { Identifiers = { Ids.Of(("emailAddresses", "melinda14@example.org")) } } }, JourneyTestServer.Bounded()).ResponseAsync,
            StatusCode.NotFound);
        var mine = await _client.GetEngagementAsync(new GetEngagementRequest { AccountId = owner, EngagementId = Requests.EngagementId }, JourneyTestServer.Bounded());
        Assert.Equal(owner, mine.Engagement.AccountId);
    }
}
