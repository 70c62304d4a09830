using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Journey.V1;
using JourneyGrpc.Server.Journey.Validation;
using JourneyGrpc.Server.Tests.Journey.Infrastructure;

namespace JourneyGrpc.Server.Tests.Journey.Validation;

/// <summary>The NUL character in any text of a request: refused with the field's JSON path.</summary>
public sealed class NulCharacterRuleTests
{
    [Theory]
    [InlineData("identifier-value", "identifiers.emailAddresses[1]")]
    [InlineData("identifier-name", "identifiers.email\0Addresses")]
    [InlineData("conversation", "conversations[1]")]
    [InlineData("data-value", "data.currentStatus")]
    [InlineData("data-key", "data.current\0Status")]
    [InlineData("id", "id")]
    public void CreateEngagement_NulInText_NamesTheField(string place, string field)
    {
        var request = Requests.CreateEngagement();
        switch (place)
        {
            case "identifier-value": request.Identifiers["emailAddresses"].Values[1] = Value.ForString("cmartin\0@example.org"); break;
            case "identifier-name": request.Identifiers.Add("email\0Addresses", new ListValue { Values = { Value.ForString("a@example.org") } }); break;
            case "conversation": request.Conversations[1] = "First\0time"; break;
            case "data-value": request.Data["currentStatus"] = "Under\0review"; break;
            case "data-key": request.Data.Add("current\0Status", "Under review"); break;
            case "id": request.Id = "dbf2aca9\0"; break;
            default: throw new ArgumentOutOfRangeException(nameof(place));
        }

        ValidatorAssert.Single(() => NulCharacterRule.Validate(request), field, NulCharacterRule.Message);
    }

    [Fact]
    public void SearchJourneys_NulInNestedField_NamesItsPath()
    {
        var request = new SearchJourneysRequest { AccountId = "ABCDEF", Query = new JourneyQuery { AgentId = "agent\0", ChannelIds = { "Voice", "Ch\0at" } } };

        Assert.Equal([("query.agentId", NulCharacterRule.Message), ("query.channelIds[1]", NulCharacterRule.Message)], ValidatorAssert.Violations(() => NulCharacterRule.Validate(request)));
    }

    [Fact]
    public void CreateEngagement_SpecExample_Passes()
    {
        Assert.Empty(ValidatorAssert.Violations(() => NulCharacterRule.Validate(Requests.CreateEngagement())));
    }
}
