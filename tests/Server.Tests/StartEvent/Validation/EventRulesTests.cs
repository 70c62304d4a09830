using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Server.StartEvent.Validation;

namespace JourneyGrpc.Server.Tests.StartEvent.Validation;

public sealed class EventRulesTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("null", true)]
    [InlineData("5", true)]
    [InlineData("-3", true)]
    [InlineData("9007199254740992", true)]
    [InlineData("1.5", false)]
    [InlineData("1e300", false)]
    [InlineData("\"Sales\"", true)]
    [InlineData("\"\"", false)]
    [InlineData("\"a\\nb\"", false)]
    [InlineData("true", false)]
    [InlineData("{}", false)]
    [InlineData("[]", false)]
    public void LongOrString_Json_AcceptedOnlyAsWholeNumberOrString(string? json, bool valid)
    {
        var violations = new Violations();
        EventRules.LongOrString(violations, "service_type", json is null ? null : Value.Parser.ParseJson(json));
        Assert.Equal(valid ? 0 : 1, violations.Count);
    }

    [Fact]
    public void LongOrString_LongString_Violation()
    {
        var violations = new Violations();
        EventRules.LongOrString(violations, "service_type", Value.ForString(new string('x', EventRules.MaxTextLength + 1)));
        Assert.Equal(1, violations.Count);
    }

    [Theory]
    [InlineData(true, 32, true)]
    [InlineData(true, 33, false)]
    [InlineData(false, 33, true)]
    public void Shared_SessionIdLength_LimitedOnEndEventsOnly(bool isEnd, int length, bool valid)
    {
        var violations = new Violations();
        EventRules.Shared(violations, isEnd, new string('s', length), string.Empty, null, false, 0, null, false, 0, null, string.Empty);
        Assert.Equal(valid ? 0 : 1, violations.Count);
    }

    [Fact]
    public void Extensions_TooMany_Violation()
    {
        var extensions = new Struct();
        for (var i = 0; i <= EventRules.MaxExtensions; i++)
        {
            extensions.Fields["e" + i] = Value.ForNumber(i);
        }

        var violations = new Violations();
        EventRules.Extensions(violations, extensions);
        Assert.Equal(1, violations.Count);
    }
}
