using JourneyGrpc.Rpc.Internal.Client;

namespace JourneyGrpc.Rpc.Tests.Client;

public sealed class HttpToGrpcStatusTests
{
    [Theory]
    [InlineData(200, StatusCode.Unknown)]
    [InlineData(400, StatusCode.Internal)]
    [InlineData(401, StatusCode.Unauthenticated)]
    [InlineData(403, StatusCode.PermissionDenied)]
    [InlineData(404, StatusCode.Unimplemented)]
    [InlineData(429, StatusCode.Unavailable)]
    [InlineData(431, StatusCode.Internal)]
    [InlineData(500, StatusCode.Unknown)]
    [InlineData(502, StatusCode.Unavailable)]
    [InlineData(503, StatusCode.Unavailable)]
    [InlineData(504, StatusCode.Unavailable)]
    [InlineData(418, StatusCode.Unknown)]
    public void FromHttpStatus_Table_MapsPerSpec(int httpStatus, StatusCode expected) =>
        Assert.Equal(expected, HttpToGrpcStatus.FromHttpStatus(httpStatus));

    [Theory]
    [InlineData(0x0, StatusCode.Internal)]
    [InlineData(0x1, StatusCode.Internal)]
    [InlineData(0x2, StatusCode.Internal)]
    [InlineData(0x3, StatusCode.Internal)]
    [InlineData(0x7, StatusCode.Unavailable)]
    [InlineData(0x8, StatusCode.Cancelled)]
    [InlineData(0xb, StatusCode.ResourceExhausted)]
    [InlineData(0xc, StatusCode.PermissionDenied)]
    public void FromHttp2ErrorCode_Table_MapsPerSpec(long errorCode, StatusCode expected) =>
        Assert.Equal(expected, HttpToGrpcStatus.FromHttp2ErrorCode(errorCode));
}
