using JourneyGrpc.Rpc.Internal;

namespace JourneyGrpc.Rpc.Tests.Internal;

public sealed class PercentEncodingTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("100%", "100%25")]
    [InlineData("\t\n\r", "%09%0A%0D")]
    [InlineData("☺", "%E2%98%BA")]
    [InlineData("😈", "%F0%9F%98%88")]
    [InlineData("~ and !", "~ and !")]
    public void Encode_Value_SpecEncoding(string value, string expected) => Assert.Equal(expected, PercentEncoding.Encode(value));

    [Theory]
    [InlineData("%09%0Atest with whitespace%0D%0Aand Unicode BMP %E2%98%BA and non-BMP %F0%9F%98%88%09%0A", "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n")]
    [InlineData("%e2%98%ba", "☺")]
    [InlineData("broken %zz escape", "broken %zz escape")]
    [InlineData("trailing %4", "trailing %4")]
    [InlineData("no escapes", "no escapes")]
    public void Decode_Value_DecodedWithoutFailing(string value, string expected) => Assert.Equal(expected, PercentEncoding.Decode(value));
}
