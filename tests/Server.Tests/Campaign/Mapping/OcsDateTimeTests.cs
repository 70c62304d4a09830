using JourneyGrpc.Server.Campaign.Mapping;


namespace JourneyGrpc.Server.Tests.Campaign.Mapping;

public sealed class OcsDateTimeTests
{
    [Theory]
    [InlineData("1763726400.125", 1_763_726_400_125L)]
    [InlineData("1763726400", 1_763_726_400_000L)]
    [InlineData("1763726400.1", 1_763_726_400_100L)]
    [InlineData("1763726400.123456789", 1_763_726_400_123L)]
    [InlineData("0", 0L)]
    [InlineData("2025-11-21T12:00:00.125Z", 1_763_726_400_125L)]
    [InlineData("2025-11-21T13:00:00.125+01:00", 1_763_726_400_125L)]
    public void TryParse_SecondsOrRfc3339_UnixMilliseconds(string text, long expected)
    {
        Assert.True(OcsDateTime.TryParse(text, out var unixMilliseconds));
        Assert.Equal(expected, unixMilliseconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("-1")]
    [InlineData("1763726400.")]
    [InlineData(".125")]
    [InlineData("1763726400.1234567890")]
    [InlineData("1763726400,125")]
    [InlineData(" 1763726400")]
    [InlineData("9999999999999")]
    [InlineData("yesterday")]
    [InlineData("2025-11-21")]
    public void TryParse_Other_False(string? text)
    {
        Assert.False(OcsDateTime.TryParse(text, out _));
    }
}
