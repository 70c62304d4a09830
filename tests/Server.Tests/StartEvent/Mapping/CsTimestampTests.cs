using JourneyGrpc.Server.StartEvent.Mapping;

namespace JourneyGrpc.Server.Tests.StartEvent.Mapping;

public sealed class CsTimestampTests
{
    [Theory]
    [InlineData("1981-03-17T02:00:00.000Z", "1981-03-17T02:00:00.000Z")]
    [InlineData("2026-12-05T10:00:00Z", "2026-12-05T10:00:00.000Z")]
    [InlineData("2026-12-05T10:00:00.1Z", "2026-12-05T10:00:00.100Z")]
    [InlineData("2026-12-05T10:00:00.1234567Z", "2026-12-05T10:00:00.123Z")]
    [InlineData("2026-12-05T12:00:00.250+02:00", "2026-12-05T10:00:00.250Z")]
    public void Parse_Iso8601WithZone_FormatsAsDocumented(string text, string expected) =>
        Assert.Equal(expected, CsTimestamp.Format(CsTimestamp.Parse(text)!.Value));

    [Theory]
    [InlineData("")]
    [InlineData("2026-12-05")]
    [InlineData("2026-12-05T10:00:00.000")]
    [InlineData("05/12/2026 10:00:00Z")]
    [InlineData("2026-13-05T10:00:00.000Z")]
    [InlineData("2026-12-05 10:00:00.000Z")]
    [InlineData("1764928800000")]
    public void Parse_NotIso8601WithZone_Null(string text) => Assert.Null(CsTimestamp.Parse(text));
}
