using Grpc.Core;
using JourneyGrpc.Gateway.Internal.Handlers;
using Microsoft.AspNetCore.Http;

namespace JourneyGrpc.Gateway.Tests.Internal.Handlers;

public sealed class CallMetadataTests
{
    [Fact]
    public void CopyToResponse_TrailersOnlyResponseReportedAsHeadersAndTrailers_EachHeaderOnce()
    {
        var response = new DefaultHttpContext().Response;
        var metadata = new Metadata { { "www-authenticate", "Bearer error=\"invalid_token\"" }, { "grpc-status", "16" } };

        CallMetadata.CopyToResponse(metadata, response);
        CallMetadata.CopyToResponse(metadata, response);

        Assert.Equal("Bearer error=\"invalid_token\"", Assert.Single(response.Headers.WWWAuthenticate));
        Assert.False(response.Headers.ContainsKey("grpc-status"));
    }

    [Fact]
    public void CopyToResponse_SameKeyOtherValues_AllKept()
    {
        var response = new DefaultHttpContext().Response;

        CallMetadata.CopyToResponse(new Metadata { { "x-trace", "a" } }, response);
        CallMetadata.CopyToResponse(new Metadata { { "x-trace", "b" } }, response);

        Assert.Equal("a,b", response.Headers["x-trace"].ToString());
    }
}
