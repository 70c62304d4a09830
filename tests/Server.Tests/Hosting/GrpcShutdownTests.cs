using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using JourneyGrpc.Campaign.V1;
using JourneyGrpc.Server.Tests.Campaign.Infrastructure;
using JourneyGrpc.Server.Tests.Hosting.Infrastructure;

namespace JourneyGrpc.Server.Tests.Hosting;

/// <summary>
/// What a client sees when the server stops (SIGTERM): unary calls in flight finish, open streams of every kind
/// end with UNAVAILABLE "Server is shutting down." (README "Run").
/// </summary>
public sealed class GrpcShutdownTests
{
    private const string ShuttingDown = "Server is shutting down.";

    [Fact]
    public async Task Stop_UnaryCallInFlight_FinishesOkUncancelled()
    {
        await using var host = await ProbeHost.StartAsync();
        using var call = host.Invoker.AsyncUnaryCall(ProbeMethods.Hold, null, Bounded(), new StringValue());
        await host.Signals.HoldStarted.Task.Bounded();

        var stopping = host.StopAsync();
        await WhenStoppingAsync(host.Lifetime);
        host.Signals.HoldReleased.SetResult();
        var response = await call.ResponseAsync.Bounded();
        await stopping;

        Assert.Equal("finished", response.Value);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Stop_CampaignWatchOpen_EndsUnavailableShuttingDown()
    {
        await using var server = await RunningServer.StartAsync("--CampaignStatus:HeartbeatInterval=00:00:00.2");
        var client = new CampaignStatusService.CampaignStatusServiceClient(server.Channel);
        using var watch = client.WatchCampaignStatus(new WatchCampaignStatusRequest { Tenant = Notifications.Tenant, AfterSequence = 0 }, Bounded());

        // The first heartbeat: the watch is open and on the live feed.
        Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None).Bounded());
        var stopping = server.StopAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => DrainAsync(watch.ResponseStream));
        await stopping;

        Assert.Equal((StatusCode.Unavailable, ShuttingDown), (error.StatusCode, error.Status.Detail));
    }

    [Fact]
    public async Task Stop_CampaignWatchOverRestOpen_EndsWithUnavailableErrorLine()
    {
        // The in-process REST gateway runs the same interceptors, so a REST stream ends as a gRPC stream does.
        await using var server = await RunningServer.StartAsync("--CampaignStatus:HeartbeatInterval=00:00:00.2", "--Server:RestUrl=http://127.0.0.1:0");
        using var rest = new HttpClient { BaseAddress = server.RestAddress, Timeout = TestTimeouts.Default };
        using var response = await rest.GetAsync($"/v1/tenants/{Notifications.Tenant}/campaign-status:watch?after_sequence=0", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var heartbeat = JsonNode.Parse((await reader.ReadLineAsync().Bounded())!)!;

        var stopping = server.StopAsync();
        var last = heartbeat;
        while (await reader.ReadLineAsync().Bounded() is { } line)
        {
            last = JsonNode.Parse(line)!;
        }

        await stopping;
        Assert.NotNull(heartbeat["heartbeat"]);
        Assert.Equal((14, ShuttingDown), ((int)last["error"]!["code"]!, (string)last["error"]!["message"]!));
    }

    [Theory]
    [InlineData(nameof(ProbeMethods.Stream))]
    [InlineData(nameof(ProbeMethods.StreamUntilCancelled))]
    public async Task Stop_ServerStreamOpen_EndsUnavailableShuttingDown(string method)
    {
        await using var host = await ProbeHost.StartAsync();
        var streaming = method == nameof(ProbeMethods.Stream) ? ProbeMethods.Stream : ProbeMethods.StreamUntilCancelled;
        using var call = host.Invoker.AsyncServerStreamingCall(streaming, null, Bounded(), new StringValue { Value = "first" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).Bounded());
        var first = call.ResponseStream.Current.Value;

        var stopping = host.StopAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => DrainAsync(call.ResponseStream));
        await stopping;

        Assert.Equal("first", first);
        Assert.Equal((StatusCode.Unavailable, ShuttingDown), (error.StatusCode, error.Status.Detail));
    }

    [Fact]
    public async Task Stop_ReflectionStreamOpen_EndsUnavailableShuttingDown()
    {
        // The reflection service reads its requests without a token: the stream must still end, not hold the shutdown.
        await using var host = await ProbeHost.StartAsync();
        var client = new Grpc.Reflection.V1.ServerReflection.ServerReflectionClient(host.Invoker);
        using var call = client.ServerReflectionInfo(Bounded());
        await call.RequestStream.WriteAsync(new Grpc.Reflection.V1.ServerReflectionRequest { ListServices = string.Empty }).Bounded();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).Bounded());
        using var hold = await HoldConnectionOpenAsync(host);

        var stopping = host.StopAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => DrainAsync(call.ResponseStream));
        host.Signals.HoldReleased.SetResult();
        await stopping;

        Assert.Equal((StatusCode.Unavailable, ShuttingDown), (error.StatusCode, error.Status.Detail));
    }

    [Fact]
    public async Task Stop_ClientStreamOpen_EndsUnavailableShuttingDown()
    {
        await using var host = await ProbeHost.StartAsync();
        using var call = host.Invoker.AsyncClientStreamingCall(ProbeMethods.Collect, null, Bounded());
        await call.RequestStream.WriteAsync(new StringValue { Value = "one" }).Bounded();
        await host.Signals.FirstCollected.Task.Bounded();
        using var hold = await HoldConnectionOpenAsync(host);

        var stopping = host.StopAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.Bounded());
        host.Signals.HoldReleased.SetResult();
        await stopping;

        Assert.Equal((StatusCode.Unavailable, ShuttingDown), (error.StatusCode, error.Status.Detail));
    }

    [Fact]
    public async Task Stop_DuplexStreamOpen_EndsUnavailableShuttingDown()
    {
        await using var host = await ProbeHost.StartAsync();
        using var call = host.Invoker.AsyncDuplexStreamingCall(ProbeMethods.Chat, null, Bounded());
        await call.RequestStream.WriteAsync(new StringValue { Value = "hello" }).Bounded();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).Bounded());
        var echoed = call.ResponseStream.Current.Value;
        using var hold = await HoldConnectionOpenAsync(host);

        var stopping = host.StopAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => DrainAsync(call.ResponseStream));
        host.Signals.HoldReleased.SetResult();
        await stopping;

        Assert.Equal("hello", echoed);
        Assert.Equal((StatusCode.Unavailable, ShuttingDown), (error.StatusCode, error.Status.Detail));
    }

    [Fact]
    public async Task Call_StreamCancelledByClient_CancelledNotUnavailable()
    {
        await using var host = await ProbeHost.StartAsync();
        using var cancel = new CancellationTokenSource();
        using var call = host.Invoker.AsyncServerStreamingCall(ProbeMethods.Stream, null, Bounded().WithCancellationToken(cancel.Token), new StringValue());
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).Bounded());

        await cancel.CancelAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => DrainAsync(call.ResponseStream));

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }

    /// <summary>
    /// A unary call held in its handler, so the connection stays open until the test has read the stream's status.
    /// Without it Kestrel closes the connection as soon as the stream ends, and a .NET client whose request stream is
    /// still open can fail its read with "The HTTP/2 server closed the connection" (INTERNAL) before it has read the
    /// trailers already received: the status under test is the server's, not that race's.
    /// </summary>
    private static async Task<AsyncUnaryCall<StringValue>> HoldConnectionOpenAsync(ProbeHost host)
    {
        var hold = host.Invoker.AsyncUnaryCall(ProbeMethods.Hold, null, Bounded(), new StringValue());
        await host.Signals.HoldStarted.Task.Bounded();
        return hold;
    }

    private static CallOptions Bounded() => new(deadline: DateTime.UtcNow.Add(TestTimeouts.Default));

    /// <summary>Resolves once the host has begun to stop (ApplicationStopping has fired).</summary>
    private static Task WhenStoppingAsync(Microsoft.Extensions.Hosting.IHostApplicationLifetime lifetime)
    {
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStopping.Register(stopping.SetResult);
        return stopping.Task.Bounded();
    }

    private static async Task DrainAsync<T>(IAsyncStreamReader<T> stream)
    {
        while (await stream.MoveNext(CancellationToken.None).Bounded())
        {
        }
    }
}
