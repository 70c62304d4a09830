using System.Net;
using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Rpc.Tests.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace JourneyGrpc.Rpc.Tests.Server;

public sealed class ProtocolErrorTests
{
    private static readonly Method<BytesValue, BytesValue> Echo = TestMethods.Create(MethodType.Unary, "Echo");

    private static DynamicService Service() => new DynamicService().AddUnary(Echo, (request, _) => Task.FromResult(request));

    [Theory]
    [InlineData("text/plain", "Content-Type 'text/plain' is not supported.")]
    [InlineData("application/json", "Content-Type 'application/json' is not supported.")]
    [InlineData("application/grpcx", "Content-Type 'application/grpcx' is not supported.")]
    public async Task Call_NonGrpcContentType_Returns415(string contentType, string message)
    {
        await using var server = await KestrelTestServer.StartAsync(Service());
        using var client = RawGrpc.CreateClient(server.Address);

        using var response = await client.SendAsync(RawGrpc.Request(Echo.FullName, RawGrpc.Frame(new BytesValue()), contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("13", response.Headers.GetValues("grpc-status").Single());
        Assert.Equal(message, response.Headers.GetValues("grpc-message").Single());
    }

    [Theory]
    [InlineData("application/grpc")]
    [InlineData("application/grpc+proto")]
    [InlineData("application/GRPC; charset=utf-8")]
    public async Task Call_GrpcContentTypeVariants_Accepted(string contentType)
    {
        await using var server = await KestrelTestServer.StartAsync(Service());
        using var client = RawGrpc.CreateClient(server.Address);

        using var response = await client.SendAsync(RawGrpc.Request(Echo.FullName, RawGrpc.Frame(new BytesValue()), contentType));
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("0", RawGrpc.GrpcStatus(response));
    }

    [Fact]
    public async Task Call_Http11ToHttp2OnlyEndpoint_KestrelExplainsTheProtocol()
    {
        await using var server = await KestrelTestServer.StartAsync(Service());
        using var client = new HttpClient { BaseAddress = server.Address, DefaultRequestVersion = HttpVersion.Version11 };

        using var response = await client.SendAsync(RawGrpc.Request(Echo.FullName, RawGrpc.Frame(new BytesValue()), version: HttpVersion.Version11));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("HTTP/1.x request was sent to an HTTP/2 only endpoint", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_Http11ToMixedEndpoint_Returns426WithGrpcStatus()
    {
        await using var server = await KestrelTestServer.StartAsync(Service(), HttpProtocols.Http1);
        using var client = new HttpClient { BaseAddress = server.Address, DefaultRequestVersion = HttpVersion.Version11 };

        using var response = await client.SendAsync(RawGrpc.Request(Echo.FullName, RawGrpc.Frame(new BytesValue()), version: HttpVersion.Version11));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UpgradeRequired, response.StatusCode);
        Assert.Equal("HTTP/2", response.Headers.Upgrade.Single().ToString());
        Assert.Equal("13", response.Headers.GetValues("grpc-status").Single());
        Assert.Equal("Request protocol 'HTTP/1.1' is not supported.\n", text);
    }

    [Theory]
    [InlineData("/test.v1.TestService/Missing", "Method is unimplemented.")]
    [InlineData("/test.v1.Nobody/Echo", "Service is unimplemented.")]
    public async Task Call_UnknownPath_Http200WithUnimplemented(string path, string message)
    {
        await using var server = await KestrelTestServer.StartAsync(Service());
        using var client = RawGrpc.CreateClient(server.Address);

        using var response = await client.SendAsync(RawGrpc.Request(path, RawGrpc.Frame(new BytesValue())));
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("12", response.Headers.GetValues("grpc-status").Single());
        Assert.Equal(message, response.Headers.GetValues("grpc-message").Single());
    }

    [Fact]
    public async Task Call_UnknownPathWithoutGrpcContentType_Returns404()
    {
        await using var server = await KestrelTestServer.StartAsync(Service());
        using var client = RawGrpc.CreateClient(server.Address);

        using var response = await client.SendAsync(RawGrpc.Request("/a/b", [], "text/plain"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Call_MappedPathWithGet_Returns405()
    {
        // The catch-all UNIMPLEMENTED endpoint is left out of a mapped method's routing node; HTTP
        // method matching on that node must still answer other methods with 405.
        await using var server = await KestrelTestServer.StartAsync(Service());
        using var client = RawGrpc.CreateClient(server.Address);

        using var response = await client.GetAsync(new Uri(Echo.FullName, UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Call_UnsupportedRequestEncoding_UnimplementedListingSupported()
    {
        await using var server = await KestrelTestServer.StartAsync(Service());
        using var client = RawGrpc.CreateClient(server.Address);
        var request = RawGrpc.Request(Echo.FullName, RawGrpc.Frame(new BytesValue()));
        request.Headers.TryAddWithoutValidation("grpc-encoding", "snappy");

        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("12", RawGrpc.GrpcStatus(response));
        Assert.Equal("identity,gzip", response.Headers.GetValues("grpc-accept-encoding").Single());
        Assert.Equal("Unsupported grpc-encoding value 'snappy'. Supported encodings: identity,gzip", RawGrpc.GrpcMessage(response));
    }

    [Fact]
    public async Task Call_CompressedFlagWithoutEncoding_Internal()
    {
        await using var server = await KestrelTestServer.StartAsync(Service());
        using var client = RawGrpc.CreateClient(server.Address);

        using var response = await client.SendAsync(RawGrpc.Request(Echo.FullName, RawGrpc.Frame(new BytesValue(), compressedFlag: true)));
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("13", RawGrpc.GrpcStatus(response));
        Assert.Equal("Message is compressed but no grpc-encoding was sent.", RawGrpc.GrpcMessage(response));
    }
}
