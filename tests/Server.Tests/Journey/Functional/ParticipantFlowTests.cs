using JourneyGrpc.Journey.V1;
using Grpc.Core;
using JourneyGrpc.Server.Tests.Journey.Infrastructure;

namespace JourneyGrpc.Server.Tests.Journey.Functional;

/// <summary>Participants join, hold, leave and rejoin; the engagement's status and channels follow.</summary>
public sealed class ParticipantFlowTests(JourneyTestServer server) : IClassFixture<JourneyTestServer>
{
    private const string AgentId = "e5e8b989-c0d3-493e-9c6c-a1e482c42946";
    private readonly JourneyService.JourneyServiceClient _client = server.Client;

    [Fact]
    public async Task AddRemove_AllLeave_EngagementCompleted()
    {
        var account = await CreateAsync();

        await _client.AddParticipantAsync(Requests.AddExternal(account), JourneyTestServer.Bounded());
        await _client.AddParticipantAsync(Requests.AddAgent(account, Requests.EngagementId, AgentId, "2019-07-23T17:46:42.002Z"), JourneyTestServer.Bounded());
        var active = await GetAsync(account);
        Assert.Equal(EngagementStatus.Active, active.Status);
        Assert.All(active.Participants, p => Assert.Equal(Participant.Types.State.Active, p.State));
        Assert.Equal([new Channel { Id = "Voice", Type = "VOICE" }], active.Channels);

        await _client.RemoveParticipantAsync(Remove(account, "443f413f-75f4-4ee4-a261-275e2c4a4c6f", "2019-07-23T17:58:32.002Z"), JourneyTestServer.Bounded());
        Assert.Equal(EngagementStatus.Active, (await GetAsync(account)).Status);
        await _client.RemoveParticipantAsync(Remove(account, AgentId, "2019-07-23T18:00:32.002Z"), JourneyTestServer.Bounded());

        var completed = await GetAsync(account);
        Assert.Equal(EngagementStatus.Completed, completed.Status);
        Assert.Equal(Requests.At("2019-07-23T18:00:32.002Z"), completed.EndDate);
        var agent = completed.Participants.Single(p => p.Type == ParticipantType.Agent);
        Assert.Equal(Participant.Types.State.Dropped, agent.State);
        Assert.Equal(Requests.At("2019-07-23T17:46:42.002Z"), agent.JoinedAt);
        Assert.Equal(Requests.At("2019-07-23T18:00:32.002Z"), agent.LeftAt);
        Assert.Equal("ext/1234", agent.Extension);
    }

    [Fact]
    public async Task Add_StateHeld_ThenActive_StateFollows()
    {
        var account = await CreateAsync();
        await _client.AddParticipantAsync(Requests.AddExternal(account), JourneyTestServer.Bounded());
        var hold = Requests.AddExternal(account);
        hold.State = Participant.Types.State.Held;

        await _client.AddParticipantAsync(hold, JourneyTestServer.Bounded());
        Assert.Equal(Participant.Types.State.Held, (await GetAsync(account)).Participants.Single().State);
        await _client.AddParticipantAsync(Requests.AddExternal(account), JourneyTestServer.Bounded());

        var engagement = await GetAsync(account);
        Assert.Equal(Participant.Types.State.Active, engagement.Participants.Single().State);
        Assert.Equal(EngagementStatus.Active, engagement.Status);
    }

    [Fact]
    public async Task Add_TreatmentAndNonUuidId_Kept()
    {
        var account = await CreateAsync();
        var treatment = new AddParticipantRequest
        {
            AccountId = account,
            EngagementId = Requests.EngagementId,
            ParticipantId = "1b3232rerew343432432432",
            Type = ParticipantType.Treatment,
            ChannelId = "Chat",
            ChannelType = "CHAT",
            AutomationType = Participant.Types.AutomationType.SelfService,
            Timestamp = Requests.At("2019-07-23T17:45:21.002Z"),
            DialogId = "67ec5131-259c-4924-bb08-d87cf315e5e3",
        };

        await _client.AddParticipantAsync(treatment, JourneyTestServer.Bounded());

        var participant = (await GetAsync(account)).Participants.Single();
        Assert.Equal(Participant.Types.AutomationType.SelfService, participant.AutomationType);
        Assert.Equal("1b3232rerew343432432432", participant.Id);
    }

    [Fact]
    public async Task Remove_Twice_KeepsFirstLeftAt()
    {
        var account = await CreateAsync();
        await _client.AddParticipantAsync(Requests.AddExternal(account), JourneyTestServer.Bounded());
        await _client.RemoveParticipantAsync(Remove(account, "443f413f-75f4-4ee4-a261-275e2c4a4c6f", "2019-07-23T17:58:32.002Z"), JourneyTestServer.Bounded());

        await _client.RemoveParticipantAsync(Remove(account, "443f413f-75f4-4ee4-a261-275e2c4a4c6f", "2019-07-23T19:00:00Z"), JourneyTestServer.Bounded());

        Assert.Equal(Requests.At("2019-07-23T17:58:32.002Z"), (await GetAsync(account)).Participants.Single().LeftAt);
    }

    [Fact]
    public async Task Remove_UnknownParticipant_NotFound()
    {
        var account = await CreateAsync();

        await RpcAssert.FailsAsync(() => _client.RemoveParticipantAsync(Remove(account, "nobody", "2019-07-23T17:58:32.002Z"), JourneyTestServer.Bounded()).ResponseAsync, StatusCode.NotFound);
    }

    [Fact]
    public async Task AddRemove_UnknownEngagement_NotFound()
    {
        var account = JourneyTestServer.NewAccountId();

        await RpcAssert.FailsAsync(() => _client.AddParticipantAsync(Requests.AddExternal(account), JourneyTestServer.Bounded()).ResponseAsync, StatusCode.NotFound);
        await RpcAssert.FailsAsync(() => _client.RemoveParticipantAsync(Remove(account, "x", "2019-07-23T17:58:32.002Z"), JourneyTestServer.Bounded()).ResponseAsync, StatusCode.NotFound);
    }

    [Fact]
    public async Task Rejoin_AfterDrop_ActiveAgainWithoutLeftAt()
    {
        var account = await CreateAsync();
        await _client.AddParticipantAsync(Requests.AddExternal(account), JourneyTestServer.Bounded());
        await _client.RemoveParticipantAsync(Remove(account, "443f413f-75f4-4ee4-a261-275e2c4a4c6f", "2019-07-23T17:58:32.002Z"), JourneyTestServer.Bounded());
        var rejoin = Requests.AddExternal(account);
        rejoin.Timestamp = Requests.At("2019-07-23T18:10:00Z");

        await _client.AddParticipantAsync(rejoin, JourneyTestServer.Bounded());

        var engagement = await GetAsync(account);
        Assert.Equal(EngagementStatus.Active, engagement.Status);
        Assert.Null(engagement.EndDate);
        Assert.Null(engagement.Participants.Single().LeftAt);
        Assert.Equal(Requests.At("2019-07-23T18:10:00Z"), engagement.Participants.Single().JoinedAt);
    }

    private static RemoveParticipantRequest Remove(string account, string participantId, string time) => new()
    {
        AccountId = account,
        EngagementId = Requests.EngagementId,
        ParticipantId = participantId,
        Timestamp = Requests.At(time),
    };

    private async Task<string> CreateAsync()
    {
        var account = JourneyTestServer.NewAccountId();
        await _client.CreateEngagementAsync(Requests.CreateEngagement(account), JourneyTestServer.Bounded());
        return account;
    }

    private async Task<Engagement> GetAsync(string account) =>
        (await _client.GetEngagementAsync(new GetEngagementRequest { AccountId = account, EngagementId = Requests.EngagementId }, JourneyTestServer.Bounded())).Engagement;
}
