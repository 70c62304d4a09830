using Google.Protobuf;
using Google.Protobuf.Reflection;
using JourneyGrpc.Gateway.Internal.Binding;

namespace JourneyGrpc.Gateway.Tests.Internal.Binding;

public sealed class ScalarParserTests
{
    [Theory]
    [InlineData(FieldType.Int32, "-12", -12)]
    [InlineData(FieldType.Int32, "2147483648", null)]
    [InlineData(FieldType.Int32, "1.5", null)]
    [InlineData(FieldType.Int32, " 1", null)]
    [InlineData(FieldType.Int64, "9007199254740993", 9007199254740993L)]
    [InlineData(FieldType.UInt32, "-1", null)]
    [InlineData(FieldType.UInt64, "18446744073709551615", ulong.MaxValue)]
    [InlineData(FieldType.Bool, "true", true)]
    [InlineData(FieldType.Bool, "0", false)]
    [InlineData(FieldType.Bool, "yes", null)]
    [InlineData(FieldType.Double, "1e3", 1000d)]
    [InlineData(FieldType.Double, "NaN", double.NaN)]
    [InlineData(FieldType.Double, "-Infinity", double.NegativeInfinity)]
    [InlineData(FieldType.Double, "1,5", null)]
    [InlineData(FieldType.Float, "1e39", null)]
    [InlineData(FieldType.String, "a b", "a b")]
    public void ParseScalar_Text_Value(FieldType type, string text, object? expected)
    {
        Assert.Equal(expected, ScalarParser.ParseScalar(type, text));
    }

    [Theory]
    [InlineData("AQID", new byte[] { 1, 2, 3 })]
    [InlineData("AQI=", new byte[] { 1, 2 })]
    [InlineData("AQI", new byte[] { 1, 2 })]
    [InlineData("-_8", new byte[] { 0xfb, 0xff })]
    [InlineData("A", null)]
    [InlineData("!!!!", null)]
    public void ParseBytes_Base64StandardOrUrlSafe_Bytes(string text, byte[]? expected)
    {
        Assert.Equal(expected, ScalarParser.ParseBytes(text)?.ToByteArray());
    }

    [Theory]
    [InlineData("TYPE_INT64", 3)]
    [InlineData("3", 3)]
    [InlineData("-7", -7)]
    [InlineData("TYPE_PURPLE", null)]
    public void ParseEnum_NameOrNumber_Number(string text, int? expected)
    {
        var enumType = Google.Protobuf.WellKnownTypes.Field.Descriptor.FindFieldByName("kind").EnumType;

        Assert.Equal(expected, (int?)ScalarParser.ParseEnum(enumType, text));
    }

    [Fact]
    public void Parse_WrapperField_BareValue()
    {
        var parser = new ScalarParser(JsonParser.Default);
        var field = JourneyGrpc.Gateway.TestService.V1.BindRequest.Descriptor.FindFieldByName("limit");

        Assert.Equal(7, parser.Parse(field, "7", "limit"));
    }
}
