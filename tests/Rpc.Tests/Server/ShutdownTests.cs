using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Rpc.Tests.Infrastructure;

namespace JourneyGrpc.Rpc.Tests.Server;

public sealed class ShutdownTests
{
    private static readonly Method<BytesValue, BytesValue> Forever = TestMethods.Create(MethodType.ServerStreaming, "Forever");

    [Fact]
    public async Task ServerStreaming_ServerStops_StreamEndsWithUnavailable()
    {
        // Arrange: a stream that sends one message and then waits for its token.
        var service = new DynamicService().AddServerStreaming(Forever, async (request, stream, context) =>
        {
            await stream.WriteAsync(request);
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        });
        var server = await KestrelTestServer.StartAsync(service);
        await using var _ = server;
        using var client = RawGrpc.CreateClient(server.Address);
        using var response = await client.SendAsync(RawGrpc.Request(Forever.FullName, RawGrpc.Frame(new BytesValue())), HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsStreamAsync();
        var prefix = new byte[5];
        await body.ReadExactlyAsync(prefix).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        // Act
        var stopping = server.StopAsync();
        var rest = new MemoryStream();
        await body.CopyToAsync(rest).WaitAsync(TimeSpan.FromSeconds(10));
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));

        // Assert
        Assert.Equal("14", response.TrailingHeaders.GetValues("grpc-status").Single());
        Assert.Equal("Server is shutting down.", response.TrailingHeaders.GetValues("grpc-message").Single());
    }
}
