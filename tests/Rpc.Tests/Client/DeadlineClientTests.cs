using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Rpc.Internal.Client;
using JourneyGrpc.Rpc.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static JourneyGrpc.Rpc.Tests.Client.ClientWire;

namespace JourneyGrpc.Rpc.Tests.Client;

public sealed class DeadlineClientTests
{
    private static readonly Method<BytesValue, BytesValue> Hang = TestMethods.Create(MethodType.Unary, "Hang");
    private static readonly Method<BytesValue, BytesValue> HangStream = TestMethods.Create(MethodType.ServerStreaming, "HangStream");

    [Fact]
    public async Task AsyncUnaryCall_ServerNeverAnswers_DeadlineExceededOnTheRealClock()
    {
        // Arrange
        var aborted = new TaskCompletionSource();
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(Hang.FullName, async context =>
        {
            context.RequestAborted.Register(() => aborted.TrySetResult());
            await WaitForAbortAsync(context);
        }));
        using var channel = RpcChannel.ForAddress(server.Address);

        // Act
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(Hang, null, new CallOptions(deadline: DateTime.UtcNow.AddMilliseconds(200)), Bytes("x"));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(MaxWait));

        // Assert
        Assert.Equal(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"), ex.Status);
        Assert.Equal(ex.Status, call.GetStatus());
        await aborted.Task.WaitAsync(MaxWait);
    }

    [Fact]
    public async Task AsyncUnaryCall_ManualClockPassesDeadline_DeadlineExceededAndServerAborted()
    {
        // Arrange
        var time = new ManualTimeProvider();
        var received = new TaskCompletionSource<string>();
        var aborted = new TaskCompletionSource();
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(Hang.FullName, async context =>
        {
            context.RequestAborted.Register(() => aborted.TrySetResult());
            received.SetResult(context.Request.Headers["grpc-timeout"].ToString());
            await WaitForAbortAsync(context);
        }));
        using var channel = RpcChannel.ForAddress(server.Address);
        channel.TimeProvider = time;
        var deadline = time.GetUtcNow().UtcDateTime.AddHours(1);

        // Act
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(Hang, null, new CallOptions(deadline: deadline), Bytes("x"));
        var timeout = await received.Task.WaitAsync(MaxWait);
        time.Advance(TimeSpan.FromHours(1));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(MaxWait));

        // Assert
        Assert.Equal("3600000m", timeout);
        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        await aborted.Task.WaitAsync(MaxWait);
    }

    [Theory]
    [InlineData(true, StatusCode.DeadlineExceeded)]
    [InlineData(false, StatusCode.Cancelled)]
    public async Task AsyncUnaryCall_ServerCancelled_DeadlineExceededOnlyOncePassed(bool deadlinePassed, StatusCode expected)
    {
        // Arrange: the client's timer never fires; only the clock moves (grpc-dotnet PR #1402).
        var time = new ManualTimeProvider();
        var received = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(Hang.FullName, async context =>
        {
            received.SetResult();
            await release.Task.WaitAsync(context.RequestAborted);
            TrailersOnly(context.Response, "1", "server gave up");
        }));
        using var channel = RpcChannel.ForAddress(server.Address);
        channel.TimeProvider = time;
        var deadline = time.GetUtcNow().UtcDateTime.AddSeconds(10);

        // Act
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(Hang, null, new CallOptions(deadline: deadline), Bytes("x"));
        await received.Task.WaitAsync(MaxWait);
        if (deadlinePassed)
        {
            time.Advance(TimeSpan.FromSeconds(11), fireTimers: false);
        }

        release.SetResult();
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(MaxWait));

        // Assert
        Assert.Equal(expected, ex.StatusCode);
    }

    [Fact]
    public async Task AsyncUnaryCall_DeadlineAlreadyPassed_FailsWithoutSending()
    {
        // Arrange
        var calls = 0;
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(Hang.FullName, context =>
        {
            Interlocked.Increment(ref calls);
            return Task.CompletedTask;
        }));
        using var channel = RpcChannel.ForAddress(server.Address);

        // Act
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(Hang, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(-1)), Bytes("x"));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(MaxWait));
        var headersEx = await Assert.ThrowsAsync<RpcException>(() => call.ResponseHeadersAsync.WaitAsync(MaxWait));

        // Assert
        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        Assert.Equal(StatusCode.DeadlineExceeded, headersEx.StatusCode);
        Assert.Equal(0, Volatile.Read(ref calls));
    }

    [Fact]
    public async Task MoveNext_DeadlinePassesMidStream_ThrowsDeadlineExceeded()
    {
        // Arrange
        var time = new ManualTimeProvider();
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapPost(HangStream.FullName, async context =>
        {
            await StartAsync(context.Response);
            await WriteMessageAsync(context.Response, Bytes("first"));
            await WaitForAbortAsync(context);
        }));
        using var channel = RpcChannel.ForAddress(server.Address);
        channel.TimeProvider = time;

        // Act
        using var call = channel.CreateCallInvoker().AsyncServerStreamingCall(HangStream, null, new CallOptions(deadline: time.GetUtcNow().UtcDateTime.AddMinutes(1)), Bytes("x"));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(MaxWait));
        var pending = call.ResponseStream.MoveNext(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        var ex = await Assert.ThrowsAsync<RpcException>(() => pending.WaitAsync(MaxWait));

        // Assert
        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
    }

    [Fact]
    public void ClientCallDeadline_BeyondTimerRange_RearmsUntilTheDeadline()
    {
        // Arrange: ITimer caps due times at ~49.7 days.
        var time = new ManualTimeProvider();
        var expired = 0;
        using var deadline = new ClientCallDeadline(time, time.GetUtcNow().UtcDateTime.AddDays(100), () => expired++);
        deadline.Start();

        // Act
        time.Advance(TimeSpan.FromDays(50));
        var afterFifty = expired;
        time.Advance(TimeSpan.FromDays(50));

        // Assert
        Assert.Equal(0, afterFifty);
        Assert.Equal(1, expired);
    }
}
