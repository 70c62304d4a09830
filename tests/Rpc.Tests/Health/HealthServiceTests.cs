using Google.Protobuf.WellKnownTypes;
using Grpc.Health.V1;
using JourneyGrpc.Rpc.Health;
using JourneyGrpc.Rpc.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace JourneyGrpc.Rpc.Tests.Health;

public sealed class HealthServiceTests
{
    private static readonly Method<BytesValue, BytesValue> Echo = TestMethods.Create(MethodType.Unary, "Echo");

    private static Task<KestrelTestServer> StartAsync() => KestrelTestServer.StartAsync(
        endpoints =>
        {
            endpoints.MapRpcService<DynamicService>();
            endpoints.MapRpcHealthService();
        },
        services => services.AddSingleton(new DynamicService().AddUnary(Echo, (r, _) => Task.FromResult(r))));

    [Theory]
    [InlineData("")]
    [InlineData(TestMethods.ServiceName)]
    [InlineData("grpc.health.v1.Health")]
    public async Task Check_MappedService_Serving(string service)
    {
        await using var server = await StartAsync();
        using var client = RawGrpc.CreateClient(server.Address);

        using var response = await client.SendAsync(RawGrpc.Request("/grpc.health.v1.Health/Check", RawGrpc.Frame(new HealthCheckRequest { Service = service })));
        var frame = RawGrpc.ReadFrames(await response.Content.ReadAsByteArrayAsync()).Single();

        Assert.Equal(ServingStatus.Serving, HealthCheckResponse.Parser.ParseFrom(frame.Payload).Status);
    }

    [Fact]
    public async Task Check_UnknownService_NotFound()
    {
        await using var server = await StartAsync();
        using var client = RawGrpc.CreateClient(server.Address);

        using var response = await client.SendAsync(RawGrpc.Request("/grpc.health.v1.Health/Check", RawGrpc.Frame(new HealthCheckRequest { Service = "nope.Service" })));
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("5", RawGrpc.GrpcStatus(response));
        Assert.Equal("Service 'nope.Service' is unknown.", RawGrpc.GrpcMessage(response));
    }

    [Fact]
    public async Task Watch_StatusChanges_CurrentThenEachChange()
    {
        // Arrange
        await using var server = await StartAsync();
        var registry = server.Services.GetRequiredService<RpcHealthRegistry>();
        using var client = RawGrpc.CreateClient(server.Address);
        using var response = await client.SendAsync(
            RawGrpc.Request("/grpc.health.v1.Health/Watch", RawGrpc.Frame(new HealthCheckRequest { Service = "later.Service" })),
            HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsStreamAsync();

        // Act and assert: unknown first, then each status set afterwards.
        Assert.Equal(ServingStatus.ServiceUnknown, await ReadStatusAsync(body));
        registry.SetStatus("later.Service", ServingStatus.Serving);
        Assert.Equal(ServingStatus.Serving, await ReadStatusAsync(body));
        registry.SetStatus("later.Service", ServingStatus.NotServing);
        Assert.Equal(ServingStatus.NotServing, await ReadStatusAsync(body));
    }

    private static async Task<ServingStatus> ReadStatusAsync(Stream body)
    {
        var prefix = new byte[5];
        await body.ReadExactlyAsync(prefix).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        var payload = new byte[System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(prefix.AsSpan(1))];
        await body.ReadExactlyAsync(payload).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        return HealthCheckResponse.Parser.ParseFrom(payload).Status;
    }
}
