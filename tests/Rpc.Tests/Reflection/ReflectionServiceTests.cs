using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Reflection.V1;
using JourneyGrpc.Rpc.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Alpha = Grpc.Reflection.V1Alpha;

namespace JourneyGrpc.Rpc.Tests.Reflection;

public sealed class ReflectionServiceTests
{
    private static Task<KestrelTestServer> StartAsync() => KestrelTestServer.StartAsync(endpoints =>
    {
        endpoints.MapRpcHealthService();
        endpoints.MapRpcReflectionService();
    });

    [Fact]
    public async Task ListServices_V1_AllMappedServices()
    {
        await using var server = await StartAsync();

        var response = (await ExchangeAsync(server, new ServerReflectionRequest { ListServices = "*", Host = "h" })).Single();

        Assert.Equal("h", response.ValidHost);
        Assert.Equal("*", response.OriginalRequest.ListServices);
        Assert.Equal(
            ["grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"],
            response.ListServicesResponse.Service.Select(s => s.Name));
    }

    [Theory]
    [InlineData("grpc.health.v1.Health")]
    [InlineData("grpc.health.v1.Health.Watch")]
    [InlineData("grpc.health.v1.HealthCheckResponse")]
    [InlineData("grpc.health.v1.HealthCheckResponse.ServingStatus")]
    [InlineData("grpc.health.v1.HealthCheckRequest.service")]
    public async Task FileContainingSymbol_KnownSymbol_HealthFile(string symbol)
    {
        await using var server = await StartAsync();

        var response = (await ExchangeAsync(server, new ServerReflectionRequest { FileContainingSymbol = symbol })).Single();

        var file = FileDescriptorProto.Parser.ParseFrom(response.FileDescriptorResponse.FileDescriptorProto[0]);
        Assert.Equal("grpc/health/v1/health.proto", file.Name);
    }

    [Fact]
    public async Task FileByFilename_ThenDependencyAgain_DependencySentOnceButRequestedFileAlways()
    {
        await using var server = await StartAsync();

        var responses = await ExchangeAsync(
            server,
            new ServerReflectionRequest { FileByFilename = "grpc/reflection/v1/reflection.proto" },
            new ServerReflectionRequest { FileByFilename = "grpc/reflection/v1/reflection.proto" });

        Assert.Equal(["grpc/reflection/v1/reflection.proto"], Names(responses[0]));
        Assert.Equal(["grpc/reflection/v1/reflection.proto"], Names(responses[1]));
    }

    [Theory]
    [InlineData("no.such.Symbol", "Symbol 'no.such.Symbol' not found.")]
    [InlineData("", "Symbol '' not found.")]
    public async Task FileContainingSymbol_Unknown_NotFoundError(string symbol, string message)
    {
        await using var server = await StartAsync();

        var response = (await ExchangeAsync(server, new ServerReflectionRequest { FileContainingSymbol = symbol })).Single();

        Assert.Equal(5, response.ErrorResponse.ErrorCode);
        Assert.Equal(message, response.ErrorResponse.ErrorMessage);
    }

    [Fact]
    public async Task FileByFilename_Unknown_NotFoundError()
    {
        await using var server = await StartAsync();

        var response = (await ExchangeAsync(server, new ServerReflectionRequest { FileByFilename = "nope.proto" })).Single();

        Assert.Equal(5, response.ErrorResponse.ErrorCode);
        Assert.Equal("File 'nope.proto' not found.", response.ErrorResponse.ErrorMessage);
    }

    [Fact]
    public async Task ListServices_V1Alpha_SameAnswerAsV1()
    {
        await using var server = await StartAsync();
        using var client = RawGrpc.CreateClient(server.Address);

        using var response = await client.SendAsync(RawGrpc.Request(
            "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
            RawGrpc.Frame(new Alpha.ServerReflectionRequest { ListServices = "" })));
        var frame = RawGrpc.ReadFrames(await response.Content.ReadAsByteArrayAsync()).Single();

        Assert.Equal(3, Alpha.ServerReflectionResponse.Parser.ParseFrom(frame.Payload).ListServicesResponse.Service.Count);
        Assert.Equal("0", RawGrpc.GrpcStatus(response));
    }

    private static IEnumerable<string> Names(ServerReflectionResponse response) =>
        response.FileDescriptorResponse.FileDescriptorProto.Select(bytes => FileDescriptorProto.Parser.ParseFrom(bytes).Name);

    private static async Task<List<ServerReflectionResponse>> ExchangeAsync(KestrelTestServer server, params ServerReflectionRequest[] requests)
    {
        using var client = RawGrpc.CreateClient(server.Address);
        var body = requests.SelectMany(r => RawGrpc.Frame(r)).ToArray();
        using var response = await client.SendAsync(RawGrpc.Request("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo", body));
        var frames = RawGrpc.ReadFrames(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("0", RawGrpc.GrpcStatus(response));
        return [.. frames.Select(f => ServerReflectionResponse.Parser.ParseFrom(f.Payload))];
    }
}
