using JourneyGrpc.Rpc.Internal;

namespace JourneyGrpc.Rpc.Tests.Internal;

public sealed class GrpcTimeoutTests
{
    [Theory]
    [InlineData("1H", 36_000_000_000L)]
    [InlineData("2M", 1_200_000_000L)]
    [InlineData("3S", 30_000_000L)]
    [InlineData("100m", 1_000_000L)]
    [InlineData("15u", 150L)]
    [InlineData("500n", 5L)]
    [InlineData("99999999S", 999_999_990_000_000L)]
    [InlineData("0m", 0L)]
    public void TryParse_ValidValue_Ticks(string value, long ticks)
    {
        Assert.True(GrpcTimeout.TryParse(value, out var timeout));
        Assert.Equal(ticks, timeout.Ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("10s")]
    [InlineData("123456789S")]
    [InlineData("-5S")]
    [InlineData("1.5S")]
    [InlineData(" 5S")]
    public void TryParse_InvalidValue_False(string value) => Assert.False(GrpcTimeout.TryParse(value, out _));

    [Fact]
    public void TryParse_HugeHours_ClampedToMaximum()
    {
        Assert.True(GrpcTimeout.TryParse("99999999H", out var timeout));
        Assert.Equal(TimeSpan.FromSeconds(99_999_999), timeout);
    }

    [Theory]
    [InlineData(1L, "100n")]
    [InlineData(10_000L, "1000000n")]
    [InlineData(1_000_000L, "100000u")]
    [InlineData(36_000_000_000L, "3600000m")]
    [InlineData(0L, "1n")]
    public void Encode_Timeout_EightDigitsOrFewer(long ticks, string expected)
    {
        var encoded = GrpcTimeout.Encode(TimeSpan.FromTicks(ticks));
        Assert.Equal(expected, encoded);
        Assert.True(encoded.Length <= 9);
    }

    [Fact]
    public void Encode_ThenParse_NeverShortens()
    {
        foreach (var ticks in new[] { 1L, 7L, 123_456_789L, 98_765_432_123L, TimeSpan.FromDays(400).Ticks })
        {
            Assert.True(GrpcTimeout.TryParse(GrpcTimeout.Encode(TimeSpan.FromTicks(ticks)), out var parsed));
            Assert.True(parsed.Ticks >= ticks, $"{ticks} became {parsed.Ticks}");
        }
    }
}
