using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Rpc.Tests.Infrastructure;

namespace JourneyGrpc.Rpc.Tests.Server;

public sealed class ShutdownTests
{
    private static readonly Method<BytesValue, BytesValue> Forever = TestMethods.Create(MethodType.ServerStreaming, "Forever");
    private static readonly Method<BytesValue, BytesValue> Gated = TestMethods.Create(MethodType.Unary, "Gated");

    [Fact]
    public async Task Unary_InFlightWhenServerStops_FinishesOk()
    {
        // Arrange: a unary call the test holds open until shutdown has begun.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var service = new DynamicService().AddUnary(Gated, async (request, context) =>
        {
            started.TrySetResult();
            await release.Task;
            return new BytesValue { Value = Google.Protobuf.ByteString.CopyFromUtf8(context.CancellationToken.IsCancellationRequested ? "cancelled" : "finished") };
        });
        var server = await KestrelTestServer.StartAsync(service);
        await using var _ = server;
        using var client = RawGrpc.CreateClient(server.Address);
        var call = client.SendAsync(RawGrpc.Request(Gated.FullName, RawGrpc.Frame(new BytesValue())));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // Act
        var stopping = server.StopAsync();
        release.SetResult();
        using var response = await call.WaitAsync(TimeSpan.FromSeconds(10));
        var body = await response.Content.ReadAsByteArrayAsync();
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));

        // Assert
        Assert.Equal("0", RawGrpc.GrpcStatus(response));
        Assert.Equal("finished", BytesValue.Parser.ParseFrom(RawGrpc.ReadFrames(body).Single().Payload).Value.ToStringUtf8());
    }

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
