using JourneyGrpc.Gateway.Tests.Infrastructure;

namespace JourneyGrpc.Gateway.Tests.Functional;

/// <summary>Every <see cref="EncodingCases"/> row, byte for byte, against the in-process and the forwarding gateway.</summary>
[Collection(GatewayCollection.Name)]
public sealed class BodyEncodingTests(GatewayFixture fixture)
{
    public static TheoryData<HostingMode, string> Cases()
    {
        var data = new TheoryData<HostingMode, string>();
        foreach (var mode in Enum.GetValues<HostingMode>())
        {
            foreach (var encodingCase in EncodingCases.All)
            {
                data.Add(mode, encodingCase.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Send_BodyEncoding_MatchesTable(HostingMode mode, string name)
    {
        var expected = EncodingCases.All.Single(c => c.Name == name);

        var response = await fixture.Client(mode).SendBytesAsync(expected.Method, expected.Url, PrintfBytes.Parse(expected.Body), expected.ContentType);

        Assert.Equal(
            $"{expected.Status} {expected.ResponseContentType}\n{expected.ResponseBody}",
            $"{response.Status} {response.ContentType}\n{response.Body}");
    }
}
