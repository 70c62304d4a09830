using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Journey.V1;
using Grpc.Core;
using JourneyGrpc.Server.Tests.Journey.Infrastructure;

namespace JourneyGrpc.Server.Tests.Journey.Functional;

/// <summary>journeys:listAgents: channel, 30-day default window, leftAt order, still-present agents excluded, page size.</summary>
public sealed class ListAgentsFlowTests(JourneyTestServer server) : IClassFixture<JourneyTestServer>
{
    private const string Phone = "+35387643526236";
    private readonly JourneyService.JourneyServiceClient _client = server.Client;

    [Fact]
    public async Task ListAgents_SpecExample_LeftAgentsOnChannelNewestFirst()
    {
        var account = JourneyTestServer.NewAccountId();
        await VisitAsync(account, 1, "Voice", "0f28895a-2855-4e02-b00c-52fe93d671f2", "2020-07-26T13:00:00Z", "2020-07-26T13:24:52.130Z");
        await VisitAsync(account, 2, "Voice", "c5e92685-921e-4dd3-b856-66b9fdadaca1", "2020-07-23T18:00:00Z", "2020-07-23T18:12:34.246Z");
        await VisitAsync(account, 3, "Voice", "faa542cb-1611-4ba5-a3db-1b6b1f560325", "2020-07-19T10:00:00Z", "2020-07-19T10:45:22.589Z");
        await VisitAsync(account, 4, "Chat", "11111111-2855-4e02-b00c-52fe93d671f2", "2020-07-20T10:00:00Z", "2020-07-20T10:45:00Z");

        var agents = await ListAsync(account, "VOICE", "2019-07-23T17:45:21.001Z", pageSize: 10);

        Assert.Equal(
            ["0f28895a-2855-4e02-b00c-52fe93d671f2", "c5e92685-921e-4dd3-b856-66b9fdadaca1", "faa542cb-1611-4ba5-a3db-1b6b1f560325"],
            agents.Agents.Select(a => a.AgentId));
        Assert.Equal(Requests.At("2020-07-26T13:24:52.130Z"), agents.Agents[0].LeftAt);
        Assert.Equal("aba84546-1ac2-478e-b225-cadc7e8a2862", agents.Agents[0].ChannelProviderId);
    }

    [Fact]
    public async Task ListAgents_DefaultPageSizeOne_OrderAscReverses()
    {
        var account = JourneyTestServer.NewAccountId();
        await VisitAsync(account, 1, "Voice", "agent-late", "2020-07-26T13:00:00Z", "2020-07-26T13:24:52.130Z");
        await VisitAsync(account, 2, "Voice", "agent-early", "2020-07-19T10:00:00Z", "2020-07-19T10:45:22.589Z");

        Assert.Equal(["agent-late"], (await ListAsync(account, "Voice", "2020-01-01T00:00:00Z")).Agents.Select(a => a.AgentId));
        Assert.Equal(["agent-early"], (await ListAsync(account, "Voice", "2020-01-01T00:00:00Z", orderBy: "asc")).Agents.Select(a => a.AgentId));
        Assert.Equal(["agent-early", "agent-late"], (await ListAsync(account, "Voice", "2020-01-01T00:00:00Z", orderBy: "asc", pageSize: 10)).Agents.Select(a => a.AgentId));
    }

    [Fact]
    public async Task ListAgents_StartDate_LeftBeforeWindowExcluded()
    {
        var account = JourneyTestServer.NewAccountId();
        await VisitAsync(account, 1, "Voice", "agent-in", "2020-07-26T13:00:00Z", "2020-07-26T13:24:52.130Z");
        await VisitAsync(account, 2, "Voice", "agent-out", "2020-07-19T10:00:00Z", "2020-07-19T10:45:22.589Z");

        var agents = await ListAsync(account, "Voice", "2020-07-26T13:24:52.130Z", pageSize: 10);

        Assert.Equal(["agent-in"], agents.Agents.Select(a => a.AgentId));
    }

    [Fact]
    public async Task ListAgents_NoStartDate_DefaultsToLast30Days()
    {
        var account = JourneyTestServer.NewAccountId();
        var now = DateTimeOffset.UtcNow;
        await VisitAsync(account, 1, "Voice", "agent-recent", Iso(now.AddDays(-10)), Iso(now.AddDays(-10).AddMinutes(20)));
        await VisitAsync(account, 2, "Voice", "agent-old", Iso(now.AddDays(-45)), Iso(now.AddDays(-45).AddMinutes(20)));

        var agents = await ListAsync(account, "Voice", start: null, pageSize: 10);

        Assert.Equal(["agent-recent"], agents.Agents.Select(a => a.AgentId));
    }

    [Fact]
    public async Task ListAgents_AgentStillPresent_Excluded()
    {
        var account = JourneyTestServer.NewAccountId();
        await VisitAsync(account, 1, "Voice", "agent-back", "2020-07-19T10:00:00Z", "2020-07-19T10:45:22.589Z");
        await VisitAsync(account, 2, "Voice", "agent-left", "2020-07-20T10:00:00Z", "2020-07-20T10:30:00Z");
        await VisitAsync(account, 3, "Voice", "agent-back", "2020-07-26T13:00:00Z", leftAt: null);

        var agents = await ListAsync(account, "Voice", "2020-01-01T00:00:00Z", pageSize: 10);

        Assert.Equal(["agent-left"], agents.Agents.Select(a => a.AgentId));
    }

    [Fact]
    public async Task ListAgents_SameAgentTwice_ListedOnceAtLatestLeftAt()
    {
        var account = JourneyTestServer.NewAccountId();
        await VisitAsync(account, 1, "Voice", "agent-1", "2020-07-19T10:00:00Z", "2020-07-19T10:45:22.589Z");
        await VisitAsync(account, 2, "Voice", "agent-1", "2020-07-26T13:00:00Z", "2020-07-26T13:24:52.130Z");

        var agents = await ListAsync(account, "Voice", "2020-01-01T00:00:00Z", pageSize: 10);

        Assert.Equal(Requests.At("2020-07-26T13:24:52.130Z"), agents.Agents.Single().LeftAt);
    }

    [Fact]
    public async Task ListAgents_UnknownCustomer_NotFound()
    {
        await RpcAssert.FailsAsync(() => ListAsync(JourneyTestServer.NewAccountId(), "Voice", null), StatusCode.NotFound);
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<ListAgentsResponse> ListAsync(string account, string channel, string? start, string? orderBy = null, int? pageSize = null)
    {
        var request = new ListAgentsRequest
        {
            AccountId = account,
            Query = new ListAgentsQuery { Identifiers = { Ids.Of(("phoneNumbers", Phone)) }, ChannelId = channel, StartDate = start is null ? null : Requests.At(start) },
        };
        if (orderBy is not null)
        {
            request.OrderBy = orderBy;
        }

        if (pageSize is { } size)
        {
            request.PageSize = size;
        }

        return await _client.ListAgentsAsync(request, JourneyTestServer.Bounded());
    }

    /// <summary>One engagement of the customer on a channel where an agent joined (and left, unless null).</summary>
    private async Task VisitAsync(string account, int n, string channel, string agentId, string joinedAt, string? leftAt)
    {
        var id = $"0000000{n}-0000-4000-8000-00000000000{n}";
        var create = Requests.CreateEngagement(account, id);
        create.StartDate = Requests.At(joinedAt);
        create.Identifiers.Clear();
        create.Identifiers.Add(Ids.Of(("phoneNumbers", Phone)));
        await _client.CreateEngagementAsync(create, JourneyTestServer.Bounded());
        await _client.AddParticipantAsync(Requests.AddAgent(account, id, agentId, joinedAt, channel), JourneyTestServer.Bounded());
        if (leftAt is not null)
        {
            await _client.RemoveParticipantAsync(
                new RemoveParticipantRequest { AccountId = account, EngagementId = id, ParticipantId = agentId, Timestamp = Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(leftAt, System.Globalization.CultureInfo.InvariantCulture)) },
                JourneyTestServer.Bounded());
        }
    }
}
