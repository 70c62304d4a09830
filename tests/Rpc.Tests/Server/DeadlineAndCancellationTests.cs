using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Rpc.Tests.Infrastructure;

namespace JourneyGrpc.Rpc.Tests.Server;

public sealed class DeadlineAndCancellationTests
{
    private static readonly Method<BytesValue, BytesValue> Slow = TestMethods.Create(MethodType.Unary, "Slow");
    private static readonly Method<BytesValue, BytesValue> Wait = TestMethods.Create(MethodType.Unary, "Wait");
    private static readonly Method<BytesValue, BytesValue> Echo = TestMethods.Create(MethodType.Unary, "Echo");

    [Fact]
    public async Task Unary_100msDeadlineAgainst1sHandler_DeadlineExceededWithin300ms()
    {
        // Arrange: the handler ignores its token, so only the server's own deadline can end the call.
        var service = new DynamicService()
            .AddUnary(Slow, async (request, _) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                return request;
            })
            .AddUnary(Echo, (request, _) => Task.FromResult(request));
        await using var server = await KestrelTestServer.StartAsync(service);
        using var client = RawGrpc.CreateClient(server.Address);

        // The connection and both ends' code paths are warm, so the timing is the deadline's alone.
        using (var warmUp = await client.SendAsync(RawGrpc.Request(Echo.FullName, RawGrpc.Frame(new BytesValue()))))
        {
            await warmUp.Content.ReadAsByteArrayAsync();
        }
        var request = RawGrpc.Request(Slow.FullName, RawGrpc.Frame(new BytesValue()));
        request.Headers.TryAddWithoutValidation("grpc-timeout", "100m");

        // Act
        var stopwatch = Stopwatch.StartNew();
        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        stopwatch.Stop();

        // Assert
        Assert.Equal("4", RawGrpc.GrpcStatus(response));
        Assert.Equal("Deadline Exceeded", RawGrpc.GrpcMessage(response));
        Assert.True(stopwatch.ElapsedMilliseconds < 300, $"took {stopwatch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Unary_Deadline_HandlerTokenFires()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var service = new DynamicService().AddUnary(Wait, async (request, context) =>
        {
            await using (context.CancellationToken.Register(() => cancelled.TrySetResult()))
            {
                await cancelled.Task;
            }

            return request;
        });
        await using var server = await KestrelTestServer.StartAsync(service);
        using var client = RawGrpc.CreateClient(server.Address);
        var request = RawGrpc.Request(Wait.FullName, RawGrpc.Frame(new BytesValue()));
        request.Headers.TryAddWithoutValidation("grpc-timeout", "50m");

        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();

        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("4", RawGrpc.GrpcStatus(response));
    }

    [Fact]
    public async Task Unary_ClientCancels_HandlerTokenFires()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var service = new DynamicService().AddUnary(Wait, async (request, context) =>
        {
            await using (context.CancellationToken.Register(() => cancelled.TrySetResult()))
            {
                started.TrySetResult();
                await cancelled.Task;
            }

            return request;
        });
        await using var server = await KestrelTestServer.StartAsync(service);
        using var client = RawGrpc.CreateClient(server.Address);
        using var cts = new CancellationTokenSource();

        var call = client.SendAsync(RawGrpc.Request(Wait.FullName, RawGrpc.Frame(new BytesValue())), HttpCompletionOption.ResponseHeadersRead, cts.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData("1x")]
    [InlineData("123456789S")]
    [InlineData("-1S")]
    public async Task Unary_InvalidTimeout_CallRunsWithoutDeadline(string timeout)
    {
        var service = new DynamicService().AddUnary(Wait, (request, context) =>
            Task.FromResult(new BytesValue { Value = Google.Protobuf.ByteString.CopyFromUtf8(context.Deadline == DateTime.MaxValue ? "none" : "set") }));
        await using var server = await KestrelTestServer.StartAsync(service);
        using var client = RawGrpc.CreateClient(server.Address);
        var request = RawGrpc.Request(Wait.FullName, RawGrpc.Frame(new BytesValue()));
        request.Headers.TryAddWithoutValidation("grpc-timeout", timeout);

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("0", RawGrpc.GrpcStatus(response));
        Assert.Equal("none", BytesValue.Parser.ParseFrom(RawGrpc.ReadFrames(body).Single().Payload).Value.ToStringUtf8());
    }
}
