using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Server.Journey.Mapping;
using JourneyGrpc.Server.Journey.Storage;
using JourneyGrpc.Server.Tests.Journey.Infrastructure;

namespace JourneyGrpc.Server.Tests.Journey.Mapping;

public sealed class IdentifierMapTests
{
    [Theory]
    [InlineData(new[] { "phoneNumbers=1", "phoneNumbers=2" }, new[] { "phoneNumbers=1", "phoneNumbers=2" })]
    [InlineData(new[] { "phoneNumbers=1", "phoneNumbers=1" }, new[] { "phoneNumbers=1" })]
    [InlineData(new[] { "a=x", "b=x" }, new[] { "a=x", "b=x" })]
    [InlineData(new string[0], new string[0])]
    public void ToKeys_Map_DistinctInOrder(string[] entries, string[] expected)
    {
        var map = Ids.Of([.. entries.Select(e => (e.Split('=')[0], e.Split('=')[1]))]);

        Assert.Equal(expected, IdentifierMap.ToKeys(map).Select(k => $"{k.Type}={k.Value}"));
    }

    [Fact]
    public void ToKeys_NonStringValue_Skipped()
    {
        var map = Ids.Of(("phoneNumbers", "1"));
        map["phoneNumbers"].Values.Add(Value.ForNumber(2));

        Assert.Equal([new IdentifierKey("phoneNumbers", "1")], IdentifierMap.ToKeys(map));
    }

    [Fact]
    public void AddTo_ExistingAndNew_KeepsFirstPositionsAddsOnce()
    {
        var map = Ids.Of(("emailAddresses", "a@x"), ("phoneNumbers", "1"));

        IdentifierMap.AddTo(map, [new IdentifierKey("phoneNumbers", "1"), new IdentifierKey("phoneNumbers", "2"), new IdentifierKey("accountIds", "z")]);

        Assert.Equal(["emailAddresses", "phoneNumbers", "accountIds"], map.Keys);
        Assert.Equal(["1", "2"], map["phoneNumbers"].Values.Select(v => v.StringValue));
    }

    [Theory]
    [InlineData("phoneNumbers", "019 718 0171")]
    [InlineData("emailAddresses", "melinda14@example.org")]
    [InlineData("x", "")]
    public void Token_AnyIdentifier_Fixed24CharactersAndDistinctPerType(string type, string value)
    {
        var token = new IdentifierKey(type, value).Token;

        Assert.Equal(24, token.Length);
        Assert.DoesNotContain('|', token);
        Assert.NotEqual(token, new IdentifierKey(type + "x", value).Token);
    }
}
