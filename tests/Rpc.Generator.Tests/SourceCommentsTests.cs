namespace JourneyGrpc.Rpc.Generator.Tests;

public class SourceCommentsTests
{
    public static TheoryData<string, string[]> Comments => new()
    {
        { "", [] },
        { " One line.\n", [" One line."] },
        { " a < b && c\n", [" a &lt; b &amp;&amp; c"] },
        { " First.\n\n\n Second.\n\n", [" First.", "", " Second."] },
        { "\n Leading blank.\n", [" Leading blank."] },
        { " Windows\r\n line\r\n", [" Windows", " line"] },
    };

    [Theory]
    [MemberData(nameof(Comments))]
    public void ToDocLines_ProtoComment_LikeProtocCSharp(string comment, string[] expected)
    {
        Assert.Equal(expected, SourceComments.ToDocLines(comment));
    }
}
