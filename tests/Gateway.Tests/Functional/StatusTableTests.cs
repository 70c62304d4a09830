using JourneyGrpc.Gateway.Tests.Infrastructure;

namespace JourneyGrpc.Gateway.Tests.Functional;

/// <summary>Every gRPC status a handler ends with, through each hosting mode, in both error formats.</summary>
[Collection(GatewayCollection.Name)]
public sealed class StatusTableTests(GatewayFixture fixture)
{
    public static TheoryData<HostingMode, int, int> Rows()
    {
        int[][] table = [[1, 499], [2, 500], [3, 400], [4, 504], [5, 404], [6, 409], [7, 403], [8, 429], [9, 400], [10, 409], [11, 400], [12, 501], [13, 500], [14, 503], [15, 500], [16, 401]];
        var data = new TheoryData<HostingMode, int, int>();
        foreach (var mode in Enum.GetValues<HostingMode>())
        {
            foreach (var row in table)
            {
                data.Add(mode, row[0], row[1]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Fail_GrpcCode_HttpStatusAndStatusBody(HostingMode mode, int code, int httpStatus)
    {
        var response = await fixture.Client(mode).SendAsync("POST", "/v1/fail", $$"""{"code":{{code}},"message":"m"}""");

        // UNKNOWN is how gRPC servers report a handler's exception: the gateway answers its own 500 with a
        // correlation id instead of the server's text (FaultTests).
        var body = code == 2
            ? $$"""{"code":2,"message":"The server failed to handle this request; correlation id {{response.Header("x-correlation-id")}}.","details":[{"@type":"type.googleapis.com/google.rpc.RequestInfo","requestId":"{{response.Header("x-correlation-id")}}"}]}"""
            : $$"""{"code":{{code}},"message":"m"}""";
        Assert.Equal((httpStatus, body), (response.Status, response.Body));
    }
}
