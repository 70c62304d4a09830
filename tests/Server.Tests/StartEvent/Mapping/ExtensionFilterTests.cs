using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Server.StartEvent.Mapping;

namespace JourneyGrpc.Server.Tests.StartEvent.Mapping;

public sealed class ExtensionFilterTests
{
    private static readonly Struct Extensions = new() { Fields = { ["Survey"] = Value.ForNumber(1), ["Proposal"] = Value.ForNumber(2) } };

    [Fact]
    public void Own_NoNames_Everything() => Assert.Equal(Extensions, ExtensionFilter.From([]).Own(Extensions));

    [Theory]
    [InlineData("Survey", "Survey", "", "")]
    [InlineData("survey", "Survey", "", "")]
    [InlineData("*", "Proposal,Survey", "", "")]
    [InlineData("State.*", "", "Proposal,Survey", "")]
    [InlineData("Task.Proposal", "", "", "Proposal")]
    public void Levels_Names_KeptPerLevel(string names, string own, string states, string tasks)
    {
        var filter = ExtensionFilter.From(names.Split(','));
        Assert.Equal(own, Keys(filter.Own(Extensions)));
        Assert.Equal(states, Keys(filter.States(Extensions)));
        Assert.Equal(tasks, Keys(filter.Tasks(Extensions)));
    }

    [Fact]
    public void Own_TaskPrefixForQueryTasks_IsOwnLevel() =>
        Assert.Equal("Survey", Keys(ExtensionFilter.From(["Task.Survey"], "Task.").Own(Extensions)));

    private static string Keys(Struct? extensions) => string.Join(",", (extensions?.Fields.Keys ?? []).Order(StringComparer.Ordinal));
}
