using JourneyGrpc.Gateway.Internal.Binding;
using JourneyGrpc.Gateway.Tests.Infrastructure;

namespace JourneyGrpc.Gateway.Tests.Internal.Binding;

public sealed class FormBodyTests
{
    [Theory]
    [InlineData("a=1&b=2", "a=1|b=2")]
    [InlineData("a=1&a=2&b", "a=1,2|b=")]
    [InlineData("&&a=x+y&", "a=x y")]
    [InlineData("a=%2B%26%3D", "a=+&=")]
    [InlineData("a=b=c", "a=b=c")]
    [InlineData("k%C3%A9=caf%C3%A9", "ké=café")]
    [InlineData("a=caf\\xc3\\xa9", "a=café")]
    [InlineData("a=%zz&b=%", "a=%zz|b=%")]
    [InlineData("", "")]
    public void Parse_Body_Pairs(string body, string expected)
    {
        var form = FormBody.Parse(PrintfBytes.Parse(body));

        Assert.Equal(expected, string.Join("|", form.Select(pair => pair.Key + "=" + pair.Value)));
    }

    [Theory]
    [InlineData("a=\\xff", "a")]
    [InlineData("a=1&b=%FF", "b")]
    [InlineData("a=%C0%AF", "a")]
    [InlineData("a=%ED%A0%80", "a")]
    [InlineData("a=%F4%90%80%80", "a")]
    [InlineData("a=%E2%82", "a")]
    [InlineData("%FF=1", "")]
    [InlineData("k\\xe9=1", "")]
    public void Parse_NotUtf8_NamesTheKey(string body, string field)
    {
        var error = Assert.Throws<BindingException>(() => FormBody.Parse(PrintfBytes.Parse(body)));

        Assert.Equal(field, error.Field);
    }
}
