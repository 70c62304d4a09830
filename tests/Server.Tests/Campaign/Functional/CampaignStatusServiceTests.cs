using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Google.Rpc;
using Grpc.Core;
using JourneyGrpc.Campaign.V1;
using JourneyGrpc.Server.Tests.Campaign.Infrastructure;

namespace JourneyGrpc.Server.Tests.Campaign.Functional;

/// <summary>The service on real Kestrel through the generated client, on a SQLite store of its own.</summary>
public sealed class CampaignStatusServiceTests : IAsyncLifetime
{
    private CampaignTestHost _host = null!;

    private CampaignStatusService.CampaignStatusServiceClient Client => _host.Client;

    public async Task InitializeAsync() => _host = await CampaignTestHost.StartAsync(new Dictionary<string, string?> { ["CampaignStatus:HeartbeatInterval"] = "00:00:00.2" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Report_EveryKindOfOcsBodyOverRest_StoredAndStreamedBackFieldForField()
    {
        using var watch = WatchReader.Start(Client, new WatchCampaignStatusRequest { Tenant = Notifications.Tenant, AfterSequence = 0 });
        var bodies = OcsBodies.All.Select(row => (string)row[1]).ToList();
        var reported = new List<JsonNode>();
        foreach (var body in bodies)
        {
            using var response = await _host.Rest.PostAsync("/ocs/campaigngroup-states", new StringContent(body, Encoding.UTF8, "application/json"));
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            reported.Add(JsonNode.Parse(text)!["event"]!);
        }

        var overRest = await ReadRestWatchAsync(bodies.Count);
        for (var i = 0; i < bodies.Count; i++)
        {
            var streamed = await watch.NextEventAsync();
            Assert.Equal(i + 1, streamed.Sequence);
            Assert.Equal(i + 1, (long)reported[i]["sequence"]!);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(bodies[i]), reported[i]["notification"]), $"{bodies[i]}\n{reported[i]["notification"]}");
            Assert.True(JsonNode.DeepEquals(reported[i], overRest[i]), $"{reported[i]}\n{overRest[i]}");
            if (bodies[i] == OcsBodies.DialModeChangeUnknownKeys)
            {
                // Over gRPC, keys no field names are in additional_keys.
                Assert.Equal(["GSW_AUTO_COMPLETION", "GSW_CUSTOM_ZONE", "GSW_EXTRA", "GSW_NULL_EXTRA"], streamed.Notification.AdditionalKeys.Fields.Keys.Order());
                Assert.Equal("77", streamed.Notification.GswCallingLists[0].AdditionalKeys.Fields["GSW_CALLING_LIST_DBID"].StringValue);
            }
        }

        Assert.Equal(
            ["CAMPAIGN_EVENT_KIND_LOADED", "CAMPAIGN_EVENT_KIND_STARTED", "CAMPAIGN_EVENT_KIND_STATISTICS", "CAMPAIGN_EVENT_KIND_STATISTICS", "CAMPAIGN_EVENT_KIND_DIAL_MODE_CHANGED", "CAMPAIGN_EVENT_KIND_STOPPED", "CAMPAIGN_EVENT_KIND_UNLOADED"],
            reported.Select(e => (string)e["kind"]!));
        Assert.All(reported, e => Assert.Equal("TRANSITION_CHECK_VALID", (string)e["transitionCheck"]!));
        Assert.Equal("CAMPAIGN_GROUP_LIFECYCLE_UNLOADED", (string)reported[^1]["lifecycle"]!);
    }

    [Fact]
    public async Task Watch_OverRestLive_EventPostedLaterArrivesWhole()
    {
        using var cancel = new CancellationTokenSource(TestTimeouts.Default);
        using var response = await _host.Rest.GetAsync($"/v1/tenants/{Notifications.Tenant}/campaign-status:watch?after_sequence=0", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));

        // A heartbeat first: the watch is then on the live feed.
        var heartbeat = JsonNode.Parse((await reader.ReadLineAsync(cancel.Token))!)!;
        using var posted = await _host.Rest.PostAsync("/ocs/campaigngroup-states", new StringContent(OcsBodies.SeedFieldsLoad, Encoding.UTF8, "application/json"), cancel.Token);
        var live = JsonNode.Parse((await reader.ReadLineAsync(cancel.Token))!)!;

        Assert.NotNull(heartbeat["heartbeat"]);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(1, (long)live["resumeAfterSequence"]!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(OcsBodies.SeedFieldsLoad), live["event"]?["notification"]), live.ToJsonString());
    }

    [Fact]
    public async Task Report_InvalidBody_InvalidArgumentWithFieldViolationsNamingGswKeys()
    {
        var notification = Notifications.Statistics();
        notification.ClearGswTenantName();
        notification.GswStatBusyFactor = Google.Protobuf.WellKnownTypes.Value.ForString("high");

        var error = await Assert.ThrowsAsync<RpcException>(() => _host.ReportAsync(notification));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("The OCS campaign-group notification is invalid: GSW_TENANT_NAME is required; GSW_STAT_BUSY_FACTOR must be a non-negative number or null.", error.Status.Detail);
        var badRequest = error.GetRpcStatus()!.Details.Single().Unpack<BadRequest>();
        Assert.Equal(["GSW_TENANT_NAME", "GSW_STAT_BUSY_FACTOR"], badRequest.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task Report_ImpossibleAndOutOfOrder_RecordedAndFlagged()
    {
        var started = await _host.ReportAsync(Notifications.Of(Notifications.Start, unixMs: 2_000));
        var loadedWhileRunning = await _host.ReportAsync(Notifications.Of(Notifications.Load, unixMs: 3_000));
        var late = await _host.ReportAsync(Notifications.Of(Notifications.Stop, unixMs: 1_000));

        Assert.Equal((TransitionCheck.FirstSeen, CampaignGroupLifecycle.Running), (started.TransitionCheck, started.Lifecycle));
        Assert.Equal((TransitionCheck.Impossible, CampaignGroupLifecycle.Running, CampaignGroupLifecycle.Loaded), (loadedWhileRunning.TransitionCheck, loadedWhileRunning.PreviousLifecycle, loadedWhileRunning.Lifecycle));
        Assert.Equal("LOADED while RUNNING: a notification was lost", loadedWhileRunning.TransitionNote);
        Assert.Equal((TransitionCheck.OutOfOrder, CampaignGroupLifecycle.Loaded), (late.TransitionCheck, late.Lifecycle));
        Assert.Equal("GSW_DATE_TIME 1.000 is older than 3.000 of event 2, which set the state", late.TransitionNote);

        var state = (await Client.GetCampaignGroupStateAsync(new GetCampaignGroupStateRequest { Tenant = Notifications.Tenant, CampaignGroupGuid = Notifications.Guid }).ResponseAsync.Bounded()).CampaignGroupState;
        Assert.Equal(CampaignGroupLifecycle.Loaded, state.Lifecycle);
        Assert.Equal(3, state.LastSequence);
        Assert.Equal(2, state.FlaggedEventCount);
        Assert.Equal(loadedWhileRunning, state.LatestEvent);
    }

    [Fact]
    public async Task Watch_IncludeCurrentState_MatchingStatesThenEndThenLiveEvents()
    {
        await _host.ReportAsync(Notifications.Of(Notifications.Load, guid: "g-1", name: "one"));
        await _host.ReportAsync(Notifications.Of(Notifications.Load, guid: "g-2", name: "two"));
        await _host.ReportAsync(Notifications.Of(Notifications.Start, guid: "g-1", name: "one"));
        await _host.ReportAsync(Notifications.Of(Notifications.Load, guid: "g-3", name: "three"));
        var request = new WatchCampaignStatusRequest { Tenant = Notifications.Tenant, IncludeCurrentState = true, CampaignGroupNames = { "one", "three" } };
        using var watch = WatchReader.Start(Client, request);

        var first = await watch.NextAsync();
        var second = await watch.NextAsync();
        var end = await watch.NextAsync();
        var live = _host.ReportAsync(Notifications.Of(Notifications.Stop, guid: "g-1", name: "one"));
        var liveEvent = await watch.NextEventAsync();

        Assert.Equal(("g-1", CampaignGroupLifecycle.Running, 3L), (first.CurrentState.CampaignGroupGuid, first.CurrentState.Lifecycle, first.CurrentState.LastSequence));
        Assert.Equal(("g-3", CampaignGroupLifecycle.Loaded, 4L), (second.CurrentState.CampaignGroupGuid, second.CurrentState.Lifecycle, second.CurrentState.LastSequence));
        Assert.Equal(2, end.CurrentStateEnd.CampaignGroupCount);
        Assert.All([first, second, end], m => Assert.Equal(4, m.ResumeAfterSequence));
        Assert.Equal((5L, CampaignEventKind.Stopped), (liveEvent.Sequence, liveEvent.Kind));
        Assert.Equal(5, (await live.Bounded()).Sequence);
    }

    [Fact]
    public async Task Watch_CurrentStateAndAfterSequence_EventsInStateNotRepeated()
    {
        await _host.ReportAsync(Notifications.Of(Notifications.Load, guid: "g-1"));
        await _host.ReportAsync(Notifications.Of(Notifications.Start, guid: "g-1"));
        var request = new WatchCampaignStatusRequest { Tenant = Notifications.Tenant, IncludeCurrentState = true, AfterSequence = 0 };
        using var watch = WatchReader.Start(Client, request);

        var state = await watch.NextAsync();
        var end = await watch.NextAsync();
        await _host.ReportAsync(Notifications.Of(Notifications.Stop, guid: "g-1"));
        var next = await watch.NextEventAsync();

        Assert.Equal(2, state.CurrentState.LastSequence);
        Assert.Equal(0, end.ResumeAfterSequence);
        Assert.Equal(3, next.Sequence);
    }

    public static TheoryData<string, WatchCampaignStatusRequest, long[]> Filters { get; } = new()
    {
        { "guid", new WatchCampaignStatusRequest { CampaignGroupGuids = { "g-2" } }, [2, 5] },
        { "dbid", new WatchCampaignStatusRequest { CampaignGroupDbids = { "dbid-g-3" } }, [3] },
        { "name or guid", new WatchCampaignStatusRequest { CampaignGroupNames = { "name-g-1" }, CampaignGroupGuids = { "g-3" } }, [1, 3, 4] },
        { "kinds", new WatchCampaignStatusRequest { Kinds = { CampaignEventKind.Started, CampaignEventKind.Statistics } }, [4, 5] },
        { "kind and guid", new WatchCampaignStatusRequest { Kinds = { CampaignEventKind.Loaded, CampaignEventKind.Started }, CampaignGroupGuids = { "g-2" } }, [2] },
        { "none", new WatchCampaignStatusRequest(), [1, 2, 3, 4, 5] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Watch_Filter_OnlyMatchingEvents(string name, WatchCampaignStatusRequest filter, long[] expected)
    {
        var request = filter.Clone();
        request.Tenant = Notifications.Tenant;
        request.AfterSequence = 0;
        using var watch = WatchReader.Start(Client, request);
        foreach (var (guid, action) in new[] { ("g-1", (int?)Notifications.Load), ("g-2", Notifications.Load), ("g-3", Notifications.Load), ("g-1", Notifications.Start), ("g-2", null) })
        {
            var notification = Notifications.Of(action, guid: guid, name: "name-" + guid);
            notification.GswCampaignGroupDbid = "dbid-" + guid;
            await _host.ReportAsync(notification);
        }

        // A marker event every filter lets through ends the expected sequence.
        var marker = Notifications.Of(Notifications.Load, guid: "g-2", name: "name-g-1");
        marker.GswCampaignGroupDbid = "dbid-g-3";
        marker.GswCampaignGroupAction = Notifications.Start;
        await _host.ReportAsync(marker);
        var received = new List<long>();
        while (received.LastOrDefault() != 6)
        {
            received.Add((await watch.NextEventAsync()).Sequence);
        }

        Assert.True(expected.Append(6).SequenceEqual(received), $"{name}: {string.Join(',', received)}");
    }

    [Fact]
    public async Task Watch_Idle_HeartbeatWithHeadAndResumePoint()
    {
        await _host.ReportAsync(Notifications.Of(Notifications.Load));
        using var watch = WatchReader.Start(Client, new WatchCampaignStatusRequest { Tenant = Notifications.Tenant, Kinds = { CampaignEventKind.Unloaded } });

        var heartbeat = await watch.NextAsync();
        await _host.ReportAsync(Notifications.Of(Notifications.Start));
        WatchCampaignStatusResponse later;
        do
        {
            later = await watch.NextAsync();
        }
        while (later.Heartbeat.HeadSequence < 2);

        Assert.Equal(WatchCampaignStatusResponse.PayloadOneofCase.Heartbeat, heartbeat.PayloadCase);
        Assert.Equal((1L, 1L), (heartbeat.Heartbeat.HeadSequence, heartbeat.ResumeAfterSequence));
        Assert.Equal((2L, 2L), (later.Heartbeat.HeadSequence, later.ResumeAfterSequence));
    }

    [Fact]
    public async Task Watch_AfterSequenceBeyondHead_OutOfRange()
    {
        await _host.ReportAsync(Notifications.Of(Notifications.Load));
        using var watch = WatchReader.Start(Client, new WatchCampaignStatusRequest { Tenant = Notifications.Tenant, AfterSequence = 5 });

        var (_, error) = await watch.ReadUntilErrorAsync();

        Assert.Equal(StatusCode.OutOfRange, error.StatusCode);
        Assert.Equal("after_sequence 5 is beyond the newest event (1) of tenant 'Environment'.", error.Status.Detail);
    }

    [Fact]
    public async Task Watch_InvalidRequest_InvalidArgumentWithFieldViolations()
    {
        using var watch = WatchReader.Start(Client, new WatchCampaignStatusRequest { AfterSequence = -1, Kinds = { CampaignEventKind.Unspecified } });

        var (_, error) = await watch.ReadUntilErrorAsync();

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("The watch request is invalid: tenant is required; after_sequence must be 0 or more; kinds[0] must be a CampaignEventKind other than CAMPAIGN_EVENT_KIND_UNSPECIFIED, not 0.", error.Status.Detail);
        Assert.Equal(["tenant", "after_sequence", "kinds[0]"], error.GetRpcStatus()!.Details.Single().Unpack<BadRequest>().FieldViolations.Select(v => v.Field));
    }

    [Theory]
    [InlineData("guid")]
    [InlineData("name")]
    [InlineData("dbid")]
    public async Task GetCampaignGroupState_ByKey_LatestState(string key)
    {
        await _host.ReportAsync(Notifications.Of(Notifications.Load));
        var started = await _host.ReportAsync(Notifications.Of(Notifications.Start));
        var request = new GetCampaignGroupStateRequest { Tenant = Notifications.Tenant };
        _ = key switch
        {
            "guid" => request.CampaignGroupGuid = Notifications.Guid,
            "name" => request.CampaignGroupName = "Retention Q4@Outbound",
            _ => request.CampaignGroupDbid = "1042",
        };

        var state = (await Client.GetCampaignGroupStateAsync(request).ResponseAsync.Bounded()).CampaignGroupState;

        Assert.Equal(new CampaignGroupState
        {
            Tenant = Notifications.Tenant,
            CampaignGroupGuid = Notifications.Guid,
            CampaignGroupName = "Retention Q4@Outbound",
            CampaignGroupDbid = "1042",
            Lifecycle = CampaignGroupLifecycle.Running,
            LatestEvent = started,
            LastSequence = 2,
        }, state);
    }

    [Fact]
    public async Task GetCampaignGroupState_Unknown_NotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GetCampaignGroupStateAsync(new GetCampaignGroupStateRequest { Tenant = "Environment", CampaignGroupName = "nope" }).ResponseAsync.Bounded());

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal("No campaign group with GSW_CAMPAIGN_GROUP_NAME 'nope' has reported to tenant 'Environment'.", error.Status.Detail);
    }

    [Fact]
    public async Task GetCampaignGroupState_TwoKeys_InvalidArgument()
    {
        var request = new GetCampaignGroupStateRequest { Tenant = "Environment", CampaignGroupName = "a", CampaignGroupGuid = "b" };

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GetCampaignGroupStateAsync(request).ResponseAsync.Bounded());

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("The request is invalid: campaign_group_guid exactly one of campaign_group_guid, campaign_group_name and campaign_group_dbid must be set.", error.Status.Detail);
    }

    [Fact]
    public async Task ListCampaignGroupStates_Pages_EveryGroupOnceInGuidOrder()
    {
        foreach (var guid in new[] { "g-5", "g-1", "g-4", "g-2", "g-3" })
        {
            await _host.ReportAsync(Notifications.Of(Notifications.Load, guid: guid));
        }

        var first = await Client.ListCampaignGroupStatesAsync(new ListCampaignGroupStatesRequest { Tenant = Notifications.Tenant, PageSize = 2 }).ResponseAsync.Bounded();
        var second = await Client.ListCampaignGroupStatesAsync(new ListCampaignGroupStatesRequest { Tenant = Notifications.Tenant, PageSize = 2, PageToken = first.NextPageToken }).ResponseAsync.Bounded();
        var third = await Client.ListCampaignGroupStatesAsync(new ListCampaignGroupStatesRequest { Tenant = Notifications.Tenant, PageSize = 2, PageToken = second.NextPageToken }).ResponseAsync.Bounded();

        Assert.Equal(["g-1", "g-2", "g-3", "g-4", "g-5"], first.CampaignGroupStates.Concat(second.CampaignGroupStates).Concat(third.CampaignGroupStates).Select(s => s.CampaignGroupGuid));
        Assert.Equal(5, first.TotalSize);
        Assert.Equal(string.Empty, third.NextPageToken);
    }

    [Fact]
    public async Task ListCampaignGroupStates_BadPageToken_InvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ListCampaignGroupStatesAsync(new ListCampaignGroupStatesRequest { Tenant = "Environment", PageToken = "x" }).ResponseAsync.Bounded());

        Assert.Equal("The request is invalid: page_token is not a next_page_token this service returned.", error.Status.Detail);
    }

    // The first <paramref name="count"/> events of the tenant's log, watched over REST as NDJSON.
    private async Task<List<JsonNode>> ReadRestWatchAsync(int count)
    {
        using var cancel = new CancellationTokenSource(TestTimeouts.Default);
        using var response = await _host.Rest.GetAsync($"/v1/tenants/{Notifications.Tenant}/campaign-status:watch?after_sequence=0", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        var events = new List<JsonNode>(count);
        while (events.Count < count && await reader.ReadLineAsync(cancel.Token) is { } line)
        {
            if (JsonNode.Parse(line)!["event"] is { } recorded)
            {
                events.Add(recorded.DeepClone());
            }
        }

        return events;
    }
}
