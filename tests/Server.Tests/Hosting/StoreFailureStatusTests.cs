using System.Net;
using Google.Rpc;
using Grpc.Core;
using JourneyGrpc.Campaign.V1;
using JourneyGrpc.Journey.V1;
using JourneyGrpc.Server.Hosting;
using JourneyGrpc.Server.Tests.Campaign.Infrastructure;
using JourneyGrpc.Server.Tests.Hosting.Infrastructure;
using JourneyGrpc.Server.Tests.Journey.Infrastructure;
using Microsoft.Data.Sqlite;

namespace JourneyGrpc.Server.Tests.Hosting;

/// <summary>
/// A store another process holds locked, seen by clients of every service and of the REST gateway alike:
/// UNAVAILABLE with google.rpc.RetryInfo, the server's words (never the driver's or the file's name).
/// </summary>
public sealed class StoreFailureStatusTests : IAsyncLifetime
{
    private const string Locked = "The store is busy (locked by another writer); retry shortly.";

    private readonly TempDirectory _directory = new();
    private RunningServer _server = null!;
    private SqliteConnection _holder = null!;
    private SqliteTransaction _lock = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync($"--Store:SqlitePath={_directory.File("locked.db")}", "--Store:BusyTimeout=00:00:01", "--Server:RestUrl=http://127.0.0.1:0");
        _holder = new SqliteConnection($"Data Source={_directory.File("locked.db")};Pooling=False");
        await _holder.OpenAsync();
        _lock = _holder.BeginTransaction(deferred: false);
    }

    public async Task DisposeAsync()
    {
        await _lock.DisposeAsync();
        await _holder.DisposeAsync();
        await _server.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task CreateEngagement_StoreLocked_UnavailableWithRetryInfo()
    {
        var client = new JourneyService.JourneyServiceClient(_server.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.CreateEngagementAsync(Requests.CreateEngagement(), Bounded()).ResponseAsync);

        AssertLocked(error);
    }

    [Fact]
    public async Task ReportCampaignGroupState_StoreLocked_UnavailableWithRetryInfo()
    {
        var client = new CampaignStatusService.CampaignStatusServiceClient(_server.Channel);
        var request = new ReportCampaignGroupStateRequest { Notification = Notifications.Of(Notifications.Load) };

        var error = await Assert.ThrowsAsync<RpcException>(() => client.ReportCampaignGroupStateAsync(request, Bounded()).ResponseAsync);

        AssertLocked(error);
    }

    [Fact]
    public async Task CreateEngagementOverRest_StoreLocked_ServiceUnavailableWithServerWords()
    {
        using var http = new HttpClient { BaseAddress = _server.RestAddress, Timeout = RunningServer.Timeout };
        var body = Google.Protobuf.JsonFormatter.Default.Format(Requests.CreateEngagement());

        using var response = await http.PostAsync(
            new Uri($"/api/journey/v1/accounts/{Requests.Account}/engagements", UriKind.Relative),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains(Locked, text, StringComparison.Ordinal);
        Assert.DoesNotContain("locked.db", text, StringComparison.Ordinal);
    }

    private void AssertLocked(RpcException error)
    {
        var status = error.GetRpcStatus()!;
        Assert.Equal((StatusCode.Unavailable, Locked), (error.StatusCode, error.Status.Detail));
        Assert.Equal("STORE_LOCKED", status.GetDetail<ErrorInfo>()!.Reason);
        Assert.Equal(StoreStatus.RetryDelay, status.GetDetail<RetryInfo>()!.RetryDelay.ToTimeSpan());
        Assert.DoesNotContain(_directory.File("locked.db"), error.Status.Detail, StringComparison.Ordinal);
    }

    private static CallOptions Bounded() => new(deadline: DateTime.UtcNow.Add(TestTimeouts.Default));
}
