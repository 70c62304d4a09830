using JourneyGrpc.Gateway.Tests.Infrastructure;

namespace JourneyGrpc.Gateway.Tests.Functional;

/// <summary>Every <see cref="RestCases"/> row against the in-process and the forwarding gateway.</summary>
[Collection(GatewayCollection.Name)]
public sealed class RestCaseTests(GatewayFixture fixture)
{
    public static TheoryData<HostingMode, string> Cases()
    {
        var data = new TheoryData<HostingMode, string>();
        foreach (var mode in Enum.GetValues<HostingMode>())
        {
            foreach (var restCase in RestCases.All)
            {
                data.Add(mode, restCase.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Send_Case_MatchesTable(HostingMode mode, string name)
    {
        var expected = RestCases.All.Single(c => c.Name == name);
        var headers = expected.Accept is null ? null : new Dictionary<string, string> { ["Accept"] = expected.Accept };

        var response = await fixture.Client(mode).SendAsync(expected.Method, expected.Url, expected.Body, expected.ContentType, headers);

        Assert.Equal(
            (expected.Status, expected.ResponseContentType, expected.Allow, expected.ResponseBody),
            (response.Status, response.ContentType, response.Header("Allow"), response.Body));
    }
}
