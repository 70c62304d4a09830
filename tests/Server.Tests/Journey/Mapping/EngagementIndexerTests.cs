using JourneyGrpc.Journey.V1;
using JourneyGrpc.Server.Journey.Storage;
using JourneyGrpc.Server.Tests.Journey.Infrastructure;

namespace JourneyGrpc.Server.Tests.Journey.Mapping;

public sealed class EngagementIndexerTests
{
    [Fact]
    public void For_Engagement_EntriesPerIdentifierChannelAgentConversation()
    {
        var engagement = new Engagement
        {
            StartDate = Requests.At("2019-07-23T17:45:21.002Z"),
            Identifiers = { Ids.Of(("emailAddresses", "a@x"), ("phoneNumbers", "1")) },
            Channels = { new Channel { Id = "Voice" } },
            Conversations = { "Car Loan" },
            Participants =
            {
                new Participant { Type = ParticipantType.Agent, Id = "agent-1", ChannelId = "voice", LeftAt = Requests.At("2019-07-23T18:00:00Z") },
                new Participant { Type = ParticipantType.External, Id = "customer", ChannelId = "Voice" },
            },
        };

        var entries = EngagementIndexer.For(engagement);

        var start = 1563903921002L;
        var token = new IdentifierKey("emailAddresses", "a@x").Token;
        Assert.Contains(new JourneyGrpc.Store.IndexEntry(JourneyIndexes.ByIdentifier, token, start), entries);
        Assert.Contains(new JourneyGrpc.Store.IndexEntry(JourneyIndexes.ByIdentifierChannel, token + "|VOICE", start), entries);
        Assert.Contains(new JourneyGrpc.Store.IndexEntry(JourneyIndexes.ByIdentifierAgent, token + "|agent-1", start), entries);
        Assert.Contains(new JourneyGrpc.Store.IndexEntry(JourneyIndexes.ByIdentifierConversation, token + "|Car Loan", start), entries);
        Assert.Contains(new JourneyGrpc.Store.IndexEntry(JourneyIndexes.AgentsLeft, token + "|VOICE", 1563904800000L), entries);
        Assert.Contains(new JourneyGrpc.Store.IndexEntry(JourneyIndexes.ByAgent, "agent-1", start), entries);
        Assert.Equal(2 * 5 + 3, entries.Length);
        Assert.Equal(entries.Length, entries.Select(e => (e.Name, e.Key)).Distinct().Count());
    }

    [Fact]
    public void For_AgentStillPresent_AgentsLeftSortsLast()
    {
        var engagement = new Engagement
        {
            StartDate = Requests.At("2019-07-23T17:45:21.002Z"),
            Identifiers = { Ids.Of(("emailAddresses", "a@x")) },
            Participants =
            {
                new Participant { Type = ParticipantType.Agent, Id = "left", ChannelId = "Voice", LeftAt = Requests.At("2019-07-23T18:00:00Z") },
                new Participant { Type = ParticipantType.Agent, Id = "present", ChannelId = "Voice" },
            },
        };

        var entry = EngagementIndexer.For(engagement).Single(e => e.Name == JourneyIndexes.AgentsLeft);

        Assert.Equal(long.MaxValue, entry.Sort);
    }
}
