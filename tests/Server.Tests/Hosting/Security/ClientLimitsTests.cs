using System.Net;
using Grpc.Core;
using JourneyGrpc.Campaign.V1;
using JourneyGrpc.Journey.V1;
using JourneyGrpc.Server.Tests.Campaign.Infrastructure;
using JourneyGrpc.Server.Tests.Hosting.Infrastructure;

namespace JourneyGrpc.Server.Tests.Hosting.Security;

/// <summary>Per-client limits: too many calls is RESOURCE_EXHAUSTED / 429 with Retry-After; too many open watches is RESOURCE_EXHAUSTED.</summary>
public sealed class ClientLimitsTests
{
    [Fact]
    public async Task Calls_BeyondBurst_ResourceExhaustedWithRetryAfter()
    {
        await using var server = await RunningServer.StartAsync("--Limits:CallsPerSecond=1", "--Limits:Burst=3");
        var client = new JourneyService.JourneyServiceClient(server.Channel);
        var refused = new List<RpcException>();

        // At one call per second after a burst of 3, ten calls in a row cannot all pass within the few seconds they take.
        for (var i = 0; i < 10; i++)
        {
            try
            {
                await client.ListIdentifierTypesAsync(new ListIdentifierTypesRequest { AccountId = "ABCDEF" }, deadline: DateTime.UtcNow.AddSeconds(30));
            }
            catch (RpcException ex)
            {
                refused.Add(ex);
            }
        }

        var first = Assert.IsType<RpcException>(refused.FirstOrDefault(), exactMatch: false);
        Assert.All(refused, ex => Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode));
        Assert.Equal("Too many calls from this client; retry after 1 s.", first.Status.Detail);
        Assert.Equal("1", first.Trailers.GetValue("retry-after"));
    }

    [Fact]
    public async Task RestCalls_BeyondBurst_429WithRetryAfter()
    {
        await using var server = await RunningServer.StartAsync("--Limits:CallsPerSecond=1", "--Limits:Burst=1", "--Server:RestUrl=http://127.0.0.1:0");
        using var http = new HttpClient { BaseAddress = server.RestAddress };
        var statuses = new List<HttpResponseMessage>();

        for (var i = 0; i < 5; i++)
        {
            statuses.Add(await http.GetAsync(new Uri("/api/journey/v1/accounts/ABCDEF/identifiers", UriKind.Relative)));
        }

        var refused = statuses.First(response => response.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        statuses.ForEach(response => response.Dispose());
    }

    [Fact]
    public async Task Watches_BeyondLimit_ResourceExhaustedNamingTheSetting()
    {
        await using var server = await RunningServer.StartAsync("--Limits:WatchesPerClient=2");
        var client = new CampaignStatusService.CampaignStatusServiceClient(server.Channel);
        var request = new WatchCampaignStatusRequest { Tenant = Notifications.Tenant, AfterSequence = 0 };
        using var first = client.WatchCampaignStatus(request);
        using var second = client.WatchCampaignStatus(request);
        Assert.True(await first.ResponseStream.MoveNext(CancellationToken.None));
        Assert.True(await second.ResponseStream.MoveNext(CancellationToken.None));

        using var third = client.WatchCampaignStatus(request);
        var error = await Assert.ThrowsAsync<RpcException>(() => third.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal("This client already holds 2 open watches, the most allowed (Limits:WatchesPerClient); close one first.", error.Status.Detail);
    }
}
