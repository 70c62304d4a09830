using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Server.StartEvent.Mapping;

namespace JourneyGrpc.Server.Tests.StartEvent.Mapping;

public sealed class TypeFilterTests
{
    [Fact]
    public void Matches_NoTypes_Everything() => Assert.True(new TypeFilter([]).Matches(null));

    [Theory]
    [InlineData(5d, null, true)]
    [InlineData(6d, null, false)]
    [InlineData(null, "Sales", true)]
    [InlineData(null, "sales", false)]
    [InlineData(null, "5", true)]
    public void Matches_IdOrName_ByText(double? number, string? text, bool expected)
    {
        var value = number is { } n ? Value.ForNumber(n) : Value.ForString(text);
        Assert.Equal(expected, new TypeFilter(["5", " Sales "]).Matches(value));
    }

    [Fact]
    public void Matches_TypesGivenButNoType_False() => Assert.False(new TypeFilter(["5"]).Matches(null));
}
