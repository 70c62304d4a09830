using JourneyGrpc.Journey.V1;
using Grpc.Core;
using JourneyGrpc.Server.Tests.Journey.Infrastructure;

namespace JourneyGrpc.Server.Tests.Journey.Functional;

/// <summary>journeys:search with each filter, newest first, paging totals, 404 for an unknown customer.</summary>
public sealed class SearchFlowTests(JourneyTestServer server) : IClassFixture<JourneyTestServer>, IAsyncLifetime
{
    private const string Email = "melinda14@example.org";
    private const string AgentA = "4dd8a4a4-09f4-4dab-a503-91cefc4604e0";
    private const string AgentB = "bef38a45-c61a-4abb-8106-f992ec4b4f22";
    private readonly JourneyService.JourneyServiceClient _client = server.Client;
    private readonly string _account = JourneyTestServer.NewAccountId();

    /// <summary>
    /// Five engagements of one customer (e1 oldest … e5 newest), plus one of another customer:
    /// e1 Voice/AgentA/Mortgage, e2 Chat/AgentB/Car Loan, e3 Email/AgentA/Mortgage, e4 Voice/no agent/Car Loan,
    /// e5 Chat/AgentA/Mortgage (phone only, linked through a journey).
    /// </summary>
    public async Task InitializeAsync()
    {
        await EngagementAsync(Id(1), "2019-07-23T17:45:21.002Z", "Voice", AgentA, "Mortgage Application", ("emailAddresses", Email));
        await EngagementAsync(Id(2), "2019-09-01T10:00:00Z", "Chat", AgentB, "Car Loan", ("emailAddresses", Email));
        await EngagementAsync(Id(3), "2020-01-15T08:30:00.5Z", "Email", AgentA, "Mortgage Application", ("emailAddresses", Email), ("phoneNumbers", "019 718 0171"));
        await EngagementAsync(Id(4), "2020-07-23T17:45:21.001Z", "Voice", null, "Car Loan", ("emailAddresses", Email));
        await EngagementAsync(Id(5), "2021-03-01T00:00:00Z", "Chat", AgentA, "Mortgage Application", ("phoneNumbers", "+353 019 718 9999"));
        await EngagementAsync(Id(9), "2020-03-01T00:00:00Z", "Voice", AgentA, "Mortgage Application", ("emailAddresses", "someone.else@example.org"));
        await _client.CreateJourneyAsync(
            new CreateJourneyRequest { AccountId = _account, Identifiers = { Ids.Of(("emailAddresses", Email), ("phoneNumbers", "+353 019 718 9999")) } },
            JourneyTestServer.Bounded());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Search_ByIdentifier_WholeJourneyNewestFirst()
    {
        var response = await SearchAsync(new JourneyQuery { Identifiers = { Ids.Of(("emailAddresses", Email)) } });

        Assert.Equal([Id(5), Id(4), Id(3), Id(2), Id(1)], response.Engagements.Select(e => e.Id));
        Assert.Equal(new Pagination { PageNumber = 1, PageSize = 50, Total = 5 }, response.Pagination);
        Assert.Equal(
            ["emailAddresses=melinda14@example.org", "phoneNumbers=+353 019 718 9999", "phoneNumbers=019 718 0171"],
            Ids.Flatten(response.Identifiers));
    }

    [Theory]
    [InlineData(2, 1, new[] { 5, 4 })]
    [InlineData(2, 2, new[] { 3, 2 })]
    [InlineData(2, 3, new[] { 1 })]
    [InlineData(2, 4, new int[0])]
    public async Task Search_Paging_PageAndTotal(int pageSize, int pageNumber, int[] expected)
    {
        var response = await SearchAsync(new JourneyQuery { Identifiers = { Ids.Of(("emailAddresses", Email)) } }, pageSize, pageNumber);

        Assert.Equal(expected.Select(Id), response.Engagements.Select(e => e.Id));
        Assert.Equal(new Pagination { PageNumber = pageNumber, PageSize = pageSize, Total = 5 }, response.Pagination);
    }

    [Theory]
    [InlineData("within", "2019-07-23T17:45:21.001Z", "2020-07-23T17:45:21.001Z", new[] { 4, 3, 2, 1 })]
    [InlineData("after", "2019-09-01T10:00:00Z", null, new[] { 5, 4, 3, 2 })]
    [InlineData("before", null, "2020-01-15T08:30:00.5Z", new[] { 3, 2, 1 })]
    [InlineData("none", "2018-01-01T00:00:00Z", "2019-01-01T00:00:00Z", new int[0])]
    public async Task Search_DateRange_BothEndsInclusive(string name, string? start, string? end, int[] expected)
    {
        var query = new JourneyQuery { Identifiers = { Ids.Of(("emailAddresses", Email)) } };
        query.StartDate = start is null ? null : Requests.At(start);
        query.EndDate = end is null ? null : Requests.At(end);

        var response = await SearchAsync(query);

        Assert.True(expected.Select(Id).SequenceEqual(response.Engagements.Select(e => e.Id)), name);
        Assert.Equal(expected.Length, response.Pagination.Total);
    }

    [Fact]
    public async Task Search_Conversation_OnlyThatPurpose()
    {
        var response = await SearchAsync(new JourneyQuery { Identifiers = { Ids.Of(("emailAddresses", Email)) }, Conversation = "Mortgage Application" });

        Assert.Equal([Id(5), Id(3), Id(1)], response.Engagements.Select(e => e.Id));
        Assert.Equal(3, response.Pagination.Total);
    }

    [Fact]
    public async Task Search_Agent_OnlyEngagementsWithThatAgent()
    {
        var response = await SearchAsync(new JourneyQuery { Identifiers = { Ids.Of(("emailAddresses", Email)) }, AgentId = AgentB });

        Assert.Equal([Id(2)], response.Engagements.Select(e => e.Id));
    }

    [Fact]
    public async Task Search_Channels_CaseInsensitive()
    {
        var response = await SearchAsync(new JourneyQuery { Identifiers = { Ids.Of(("emailAddresses", Email)) }, ChannelIds = { "voice", "EMAIL" } });

        Assert.Equal([Id(4), Id(3), Id(1)], response.Engagements.Select(e => e.Id));
    }

    [Fact]
    public async Task Search_SpecAdvancedQuery_AllFiltersCombine()
    {
        var query = new JourneyQuery
        {
            Conversation = "Mortgage Application",
            StartDate = Requests.At("2019-07-23T17:45:21.001Z"),
            EndDate = Requests.At("2020-07-23T17:45:21.001Z"),
            Identifiers = { Ids.Of(("emailAddresses", Email), ("phoneNumbers", "019 718 0171"), ("phoneNumbers", "+353 019 718 9999")) },
            AgentId = AgentA,
            ChannelIds = { "Voice", "Email" },
        };

        var response = await SearchAsync(query, pageSize: 1);

        Assert.Equal([Id(3)], response.Engagements.Select(e => e.Id));
        Assert.Equal(new Pagination { PageNumber = 1, PageSize = 1, Total = 2 }, response.Pagination);
    }

    [Fact]
    public async Task Search_AgentWithoutIdentifiers_AcrossCustomers()
    {
        var response = await SearchAsync(new JourneyQuery { AgentId = AgentA });

        Assert.Equal([Id(5), Id(9), Id(3), Id(1)], response.Engagements.Select(e => e.Id));
        Assert.Contains("emailAddresses=someone.else@example.org", Ids.Flatten(response.Identifiers));
    }

    [Fact]
    public async Task Search_ChannelsWithoutIdentifiers_AcrossCustomers()
    {
        var response = await SearchAsync(new JourneyQuery { ChannelIds = { "Voice", "Chat", "Email" } }, pageSize: 3);

        Assert.Equal([Id(5), Id(4), Id(9)], response.Engagements.Select(e => e.Id));
        Assert.Equal(6, response.Pagination.Total);
    }

    [Fact]
    public async Task Search_UnknownIdentifier_NotFound()
    {
        await RpcAssert.FailsAsync(
            () => _client.SearchJourneysAsync(new SearchJourneysRequest { AccountId = _account, Query = new JourneyQuery { Identifiers = { Ids.Of(("emailAddresses", "nobody@example.org")) } } }, JourneyTestServer.Bounded()).ResponseAsync,
            StatusCode.NotFound);
    }

    [Fact]
    public async Task Search_EngagementsCarryAgentNotes()
    {
        await _client.CreateAgentNoteAsync(new CreateAgentNoteRequest { AccountId = _account, EngagementId = Id(9), Note = "The agent Note text." }, JourneyTestServer.Bounded());

        var response = await SearchAsync(new JourneyQuery { Identifiers = { Ids.Of(("emailAddresses", "someone.else@example.org")) } });

        Assert.Equal("The agent Note text.", response.Engagements.Single().AgentNotes.Single().Note);
    }

    private static string Id(int n) => $"0000000{n}-0000-4000-8000-00000000000{n}";

    private async Task<SearchJourneysResponse> SearchAsync(JourneyQuery query, int? pageSize = null, int? pageNumber = null)
    {
        var request = new SearchJourneysRequest { AccountId = _account, Query = query };
        if (pageSize is { } size)
        {
            request.PageSize = size;
        }

        if (pageNumber is { } number)
        {
            request.PageNumber = number;
        }

        return await _client.SearchJourneysAsync(request, JourneyTestServer.Bounded());
    }

    private async Task EngagementAsync(string id, string start, string channel, string? agent, string conversation, params (string Name, string Value)[] identifiers)
    {
        var request = Requests.CreateEngagement(_account, id);
        request.StartDate = Requests.At(start);
        request.Identifiers.Clear();
        request.Identifiers.Add(Ids.Of(identifiers));
        request.Conversations.Clear();
        request.Conversations.Add(conversation);
        request.Channels.Add(new Channel { Id = channel, Type = channel.ToUpperInvariant() });
        await _client.CreateEngagementAsync(request, JourneyTestServer.Bounded());
        if (agent is not null)
        {
            await _client.AddParticipantAsync(Requests.AddAgent(_account, id, agent, start, channel), JourneyTestServer.Bounded());
        }
    }
}
