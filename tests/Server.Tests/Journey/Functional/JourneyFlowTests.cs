using JourneyGrpc.Journey.V1;
using Grpc.Core;
using JourneyGrpc.Server.Tests.Journey.Infrastructure;

namespace JourneyGrpc.Server.Tests.Journey.Functional;

/// <summary>Journeys as identity groups: engagements link their identifiers, create journey merges, unlink detaches.</summary>
public sealed class JourneyFlowTests(JourneyTestServer server) : IClassFixture<JourneyTestServer>
{
    private readonly JourneyService.JourneyServiceClient _client = server.Client;

    [Fact]
    public async Task CreateJourney_LinksSeparateIdentifiers_SearchSeesBoth()
    {
        var account = JourneyTestServer.NewAccountId();
        await EngagementAsync(account, "11111111-1111-4111-8111-111111111111", "2020-01-01T00:00:00Z", ("emailAddresses", "melinda14@example.org"));
        await EngagementAsync(account, "22222222-2222-4222-8222-222222222222", "2020-02-01T00:00:00Z", ("accountIds", "d1482af8-d865-4df0-932d-f9559f25086d"));
        Assert.Single((await SearchAsync(account, ("emailAddresses", "melinda14@example.org"))).Engagements);

        await _client.CreateJourneyAsync(
            new CreateJourneyRequest { AccountId = account, Identifiers = { Ids.Of(("accountIds", "d1482af8-d865-4df0-932d-f9559f25086d"), ("emailAddresses", "melinda14@example.org")) } },
            JourneyTestServer.Bounded());

        var journey = await SearchAsync(account, ("emailAddresses", "melinda14@example.org"));
        Assert.Equal(["22222222-2222-4222-8222-222222222222", "11111111-1111-4111-8111-111111111111"], journey.Engagements.Select(e => e.Id));
        Assert.Equal(["accountIds=d1482af8-d865-4df0-932d-f9559f25086d", "emailAddresses=melinda14@example.org"], Ids.Flatten(journey.Identifiers));
    }

    [Fact]
    public async Task CreateJourney_SharedIdentifier_MergesGroupsTransitively()
    {
        var account = JourneyTestServer.NewAccountId();
        await EngagementAsync(account, "11111111-1111-4111-8111-111111111111", "2020-01-01T00:00:00Z", ("emailAddresses", "a@example.org"), ("phoneNumbers", "111 111"));
        await EngagementAsync(account, "22222222-2222-4222-8222-222222222222", "2020-01-02T00:00:00Z", ("emailAddresses", "b@example.org"), ("phoneNumbers", "222 222"));
        await EngagementAsync(account, "33333333-3333-4333-8333-333333333333", "2020-01-03T00:00:00Z", ("accountIds", "acct-3"));

        await _client.CreateJourneyAsync(new CreateJourneyRequest { AccountId = account, Identifiers = { Ids.Of(("phoneNumbers", "111 111"), ("emailAddresses", "b@example.org")) } }, JourneyTestServer.Bounded());
        await _client.CreateJourneyAsync(new CreateJourneyRequest { AccountId = account, Identifiers = { Ids.Of(("phoneNumbers", "222 222"), ("accountIds", "acct-3")) } }, JourneyTestServer.Bounded());

        var journey = await SearchAsync(account, ("emailAddresses", "a@example.org"));
        Assert.Equal(3, journey.Pagination.Total);
        Assert.Equal(5, Ids.Flatten(journey.Identifiers).Length);
    }

    [Fact]
    public async Task CreateJourney_UnseenIdentifiers_BecomeKnown()
    {
        var account = JourneyTestServer.NewAccountId();

        await _client.CreateJourneyAsync(
            new CreateJourneyRequest { AccountId = account, Identifiers = { Ids.Of(("accountIds", "d1482af8-d865-4df0-932d-f9559f25086d"), ("emailAddresses", "melinda14@example.org")) } },
            JourneyTestServer.Bounded());

        var journey = await SearchAsync(account, ("accountIds", "d1482af8-d865-4df0-932d-f9559f25086d"));
        Assert.Empty(journey.Engagements);
        Assert.Equal(0, journey.Pagination.Total);
        Assert.Equal(2, Ids.Flatten(journey.Identifiers).Length);
    }

    [Fact]
    public async Task CreateJourney_UnconfiguredName_InvalidArgument()
    {
        await RpcAssert.InvalidArgumentAsync(
            () => _client.CreateJourneyAsync(new CreateJourneyRequest { AccountId = JourneyTestServer.NewAccountId(), Identifiers = { Ids.Of(("twitterHandles", "@x")) } }, JourneyTestServer.Bounded()).ResponseAsync,
            "identifiers",
            "No valid identifiers configured for account");
    }

    [Theory]
    [InlineData("accountIds", "d1482af8-d865-4df0-932d-f9559f25086d")]
    [InlineData("emailAddresses", "melinda14@example.org")]
    [InlineData("phoneNumbers", "087 12345")]
    public async Task UnlinkIdentifier_SpecExamples_ReturnsRemainingAndKeepsHistory(string name, string value)
    {
        var account = JourneyTestServer.NewAccountId();
        var all = Ids.Of(("accountIds", "d1482af8-d865-4df0-932d-f9559f25086d"), ("emailAddresses", "melinda14@example.org"), ("phoneNumbers", "087 12345"));
        await EngagementAsync(account, "11111111-1111-4111-8111-111111111111", "2020-01-01T00:00:00Z", (name, value));
        await _client.CreateJourneyAsync(new CreateJourneyRequest { AccountId = account, Identifiers = { all } }, JourneyTestServer.Bounded());

        var response = await _client.UnlinkIdentifierAsync(
            new UnlinkIdentifierRequest { AccountId = account, Identifiers = { all }, UnlinkIdentifier = { [name] = value } },
            JourneyTestServer.Bounded());

        Assert.Equal(Ids.Flatten(all).Where(i => i != $"{name}={value}"), Ids.Flatten(response.Identifiers));
        var detached = await SearchAsync(account, (name, value));
        Assert.Equal([$"{name}={value}"], Ids.Flatten(detached.Identifiers));
        Assert.Single(detached.Engagements);
        var other = all.Keys.First(k => k != name);
        var rest = await SearchAsync(account, (other, all[other].Values[0].StringValue));
        Assert.Empty(rest.Engagements);
        Assert.Equal(2, Ids.Flatten(rest.Identifiers).Length);
    }

    [Fact]
    public async Task UnlinkIdentifier_NeverCollected_EchoesOthers()
    {
        var response = await _client.UnlinkIdentifierAsync(
            new UnlinkIdentifierRequest
            {
                AccountId = JourneyTestServer.NewAccountId(),
                Identifiers = { Ids.Of(("emailAddresses", "melinda14@example.org"), ("phoneNumbers", "087 12345")) },
                UnlinkIdentifier = { ["phoneNumbers"] = "087 12345" },
            },
            JourneyTestServer.Bounded());

        Assert.Equal(["emailAddresses=melinda14@example.org"], Ids.Flatten(response.Identifiers));
    }

    [Fact]
    public async Task CreateJourney_ConcurrentMerges_OneConsistentJourney()
    {
        var account = JourneyTestServer.NewAccountId();
        var emails = Enumerable.Range(0, 6).Select(i => $"user{i}@example.org").ToList();

        await Task.WhenAll(Enumerable.Range(0, emails.Count - 1).Select(i => _client.CreateJourneyAsync(
            new CreateJourneyRequest { AccountId = account, Identifiers = { Ids.Of(("emailAddresses", emails[i]), ("emailAddresses", emails[i + 1])) } },
            JourneyTestServer.Bounded()).ResponseAsync));

        foreach (var email in emails)
        {
            Assert.Equal(emails.Count, Ids.Flatten((await SearchAsync(account, ("emailAddresses", email))).Identifiers).Length);
        }
    }

    [Fact]
    public async Task CreateJourney_OverHundredIdentifiers_FailedPrecondition()
    {
        var account = JourneyTestServer.NewAccountId();
        for (var batch = 0; batch < 10; batch++)
        {
            // Each request brings 10 new identifiers plus the shared anchor: 91 after nine, 101 with the tenth.
            var request = new CreateJourneyRequest { AccountId = account };
            request.Identifiers.Add(Ids.Of([.. Enumerable.Range(0, 5).Select(i => ("emailAddresses", $"u{batch}-{i}@example.org")), ("accountIds", "anchor")]));
            request.Identifiers.Add(Ids.Of([.. Enumerable.Range(0, 5).Select(i => ("phoneNumbers", $"+1 {batch} {i}"))]));
            if (batch < 9)
            {
                await _client.CreateJourneyAsync(request, JourneyTestServer.Bounded());
            }
            else
            {
                await RpcAssert.FailsAsync(() => _client.CreateJourneyAsync(request, JourneyTestServer.Bounded()).ResponseAsync, StatusCode.FailedPrecondition);
            }
        }
    }

    private async Task EngagementAsync(string account, string id, string start, params (string Name, string Value)[] identifiers)
    {
        var request = Requests.CreateEngagement(account, id);
        request.StartDate = Requests.At(start);
        request.Identifiers.Clear();
        request.Identifiers.Add(Ids.Of(identifiers));
        await _client.CreateEngagementAsync(request, JourneyTestServer.Bounded());
    }

    private async Task<SearchJourneysResponse> SearchAsync(string account, params (string Name, string Value)[] identifiers) =>
        await _client.SearchJourneysAsync(new SearchJourneysRequest { AccountId = account, Query = new JourneyQuery { Identifiers = { Ids.Of(identifiers) } } }, JourneyTestServer.Bounded());
}
