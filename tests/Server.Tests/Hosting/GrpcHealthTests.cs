using Grpc.Core;
using Grpc.Health.V1;
using JourneyGrpc.Server.Tests.Campaign.Infrastructure;
using JourneyGrpc.Server.Tests.Hosting.Infrastructure;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace JourneyGrpc.Server.Tests.Hosting;

/// <summary>
/// <c>grpc.health.v1.Health</c> of the real server: <c>""</c> and each domain service SERVING while it runs,
/// NOT_SERVING to <c>Check</c> and to open <c>Watch</c> streams once it begins to stop (README "Run").
/// </summary>
public sealed class GrpcHealthTests
{
    public static TheoryData<string> ReportedServices => new()
    {
        string.Empty,
        "journeygrpc.journey.v1.JourneyService",
        "journeygrpc.campaign.v1.CampaignStatusService",
        "journeygrpc.startevent.v1.StartEventService",
        "journeygrpc.engagement.v1.EngagementService",
    };

    [Theory]
    [MemberData(nameof(ReportedServices))]
    public async Task Check_ReportedService_Serving(string service)
    {
        await using var server = await RunningServer.StartAsync();
        var client = new Health.HealthClient(server.Channel);

        var response = await client.CheckAsync(new HealthCheckRequest { Service = service }, Bounded());

        Assert.Equal(ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Check_UnknownService_NotFound()
    {
        await using var server = await RunningServer.StartAsync();
        var client = new Health.HealthClient(server.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.CheckAsync(new HealthCheckRequest { Service = "nope.v1.Service" }, Bounded()).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Watch_UnknownService_ServiceUnknownFirst()
    {
        await using var server = await RunningServer.StartAsync();
        var client = new Health.HealthClient(server.Channel);
        using var watch = client.Watch(new HealthCheckRequest { Service = "nope.v1.Service" }, Bounded());

        Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None).Bounded());

        Assert.Equal(ServingStatus.ServiceUnknown, watch.ResponseStream.Current.Status);
    }

    [Theory]
    [MemberData(nameof(ReportedServices))]
    public async Task Check_WhileServerStopping_NotServing(string service)
    {
        await using var server = await RunningServer.StartAsync();
        var client = new Health.HealthClient(server.Channel);
        await client.CheckAsync(new HealthCheckRequest { Service = service }, Bounded());

        // Hold the shutdown inside ApplicationStopping (before Kestrel stops taking calls) until the check is done.
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var checkDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Lifetime.ApplicationStopping.Register(() =>
        {
            stopping.SetResult();
            checkDone.Task.Wait(TestTimeouts.Default);
        });
        var stopped = Task.Run(server.StopAsync);
        HealthCheckResponse response;
        try
        {
            await stopping.Task.Bounded();
            response = await client.CheckAsync(new HealthCheckRequest { Service = service }, Bounded());
        }
        finally
        {
            checkDone.SetResult();
        }

        await stopped;
        Assert.Equal(ServingStatus.NotServing, response.Status);
    }

    [Theory]
    [MemberData(nameof(ReportedServices))]
    public async Task Watch_ServerStops_NotServingThenCompletesOk(string service)
    {
        await using var server = await RunningServer.StartAsync();
        var client = new Health.HealthClient(server.Channel);
        using var watch = client.Watch(new HealthCheckRequest { Service = service }, Bounded());
        Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None).Bounded());
        var first = watch.ResponseStream.Current.Status;

        var stopping = server.StopAsync();
        var statuses = new List<ServingStatus>();
        while (await watch.ResponseStream.MoveNext(CancellationToken.None).Bounded())
        {
            statuses.Add(watch.ResponseStream.Current.Status);
        }

        await stopping;
        Assert.Equal(ServingStatus.Serving, first);
        Assert.Equal([ServingStatus.NotServing], statuses);
        Assert.Equal(StatusCode.OK, watch.GetStatus().StatusCode);
    }

    private static CallOptions Bounded() => new(deadline: DateTime.UtcNow.Add(TestTimeouts.Default));
}
