using System.Net;
using JourneyGrpc.Server.Hosting;

namespace JourneyGrpc.Server.Tests.Hosting;

public sealed class ListenEndpointTests
{
    [Theory]
    [InlineData("http://127.0.0.1:50051", "127.0.0.1", 50051, false, true)]
    [InlineData("http://localhost:6000", "127.0.0.1", 6000, false, true)]
    [InlineData("http://[::1]:7000", "::1", 7000, false, true)]
    [InlineData("https://127.0.0.1:443", "127.0.0.1", 443, true, true)]
    [InlineData("http://0.0.0.0:50051", "0.0.0.0", 50051, false, false)]
    [InlineData("http://10.1.2.3:50051", "10.1.2.3", 50051, false, false)]
    public void Parse_ValidUrl_Endpoint(string url, string address, int port, bool tls, bool loopback)
    {
        var endpoint = ListenEndpoint.Parse("Server:GrpcUrl", url);

        Assert.Equal(IPAddress.Parse(address), endpoint.Address);
        Assert.Equal(port, endpoint.Port);
        Assert.Equal(tls, endpoint.UseTls);
        Assert.Equal(loopback, endpoint.IsLoopback);
    }

    [Theory]
    [InlineData("127.0.0.1:50051", "Server:GrpcUrl '127.0.0.1:50051' is not an http:// or https:// URL.")]
    [InlineData("ftp://127.0.0.1:21", "Server:GrpcUrl 'ftp://127.0.0.1:21' is not an http:// or https:// URL.")]
    [InlineData("http://127.0.0.1:50051/grpc", "Server:GrpcUrl 'http://127.0.0.1:50051/grpc' must not have a path.")]
    [InlineData("http://example.com:50051", "Server:GrpcUrl 'http://example.com:50051' must name an IP address or localhost.")]
    [InlineData("", "Server:GrpcUrl '' is not an http:// or https:// URL.")]
    public void Parse_InvalidUrl_MessageNamesKey(string url, string message)
    {
        var exception = Assert.Throws<InvalidOperationException>(() => ListenEndpoint.Parse("Server:GrpcUrl", url));

        Assert.Equal(message, exception.Message);
    }
}
