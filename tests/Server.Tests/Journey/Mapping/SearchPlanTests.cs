using JourneyGrpc.Journey.V1;
using JourneyGrpc.Server.Journey.Search;
using JourneyGrpc.Server.Journey.Storage;

namespace JourneyGrpc.Server.Tests.Journey.Mapping;

/// <summary>Which index serves which search, and which filters are left to check on the engagements read.</summary>
public sealed class SearchPlanTests
{
    [Theory]
    [InlineData(true, null, null, "", JourneyIndexes.ByIdentifier, 2, false)]
    [InlineData(true, "agent-1", null, "", JourneyIndexes.ByIdentifierAgent, 2, false)]
    [InlineData(true, "agent-1", "Car Loan", "VOICE", JourneyIndexes.ByIdentifierAgent, 2, true)]
    [InlineData(true, null, "Car Loan", "", JourneyIndexes.ByIdentifierConversation, 2, false)]
    [InlineData(true, null, null, "VOICE,CHAT", JourneyIndexes.ByIdentifierChannel, 4, false)]
    [InlineData(false, "agent-1", null, "VOICE", JourneyIndexes.ByAgent, 1, true)]
    [InlineData(false, null, "Car Loan", "", JourneyIndexes.ByConversation, 1, false)]
    [InlineData(false, null, null, "VOICE,CHAT,EMAIL", JourneyIndexes.ByChannel, 3, false)]
    public void Choose_Filters_IndexKeysAndResidual(bool identifiers, string? agent, string? conversation, string channels, string index, int keyCount, bool residual)
    {
        var plan = SearchPlan.Choose(identifiers ? ["tokenA", "tokenB"] : null, agent, conversation, channels.Length == 0 ? [] : channels.Split(','));

        Assert.Equal(index, plan.Index);
        Assert.Equal(keyCount, plan.Keys.Count);
        Assert.Equal(residual, plan.Residual is not null);
    }

    [Fact]
    public void Choose_TooManyChannelKeys_FallsBackToIdentifierIndexWithResidual()
    {
        var members = Enumerable.Range(0, 20).Select(i => $"token{i}").ToList();

        var plan = SearchPlan.Choose(members, null, null, ["A", "B", "C", "D", "E", "F"]);

        Assert.Equal(JourneyIndexes.ByIdentifier, plan.Index);
        Assert.NotNull(plan.Residual);
        Assert.True(plan.Residual(new Engagement { Channels = { new Channel { Id = "c" } } }));
        Assert.False(plan.Residual(new Engagement { Channels = { new Channel { Id = "G" } } }));
    }
}
