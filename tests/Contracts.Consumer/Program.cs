using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using JourneyGrpc.Campaign.V1;
using JourneyGrpc.Contracts.Consumer;
using JourneyGrpc.Journey.V1;

// Usage: JourneyGrpc.Contracts.Consumer <server url, e.g. http://127.0.0.1:5000> [account id, 6 letters]
// Calls the server through the JourneyGrpc.Contracts package alone: its typed clients over a
// GrpcChannel, its messages, and (for the rich error) google.rpc types from its dependencies.
// Prints "PASS <check>" / "FAIL <check>: <reason>" per check, then "<n> passed, <m> failed";
// exits 0 only if every check passed.
if (args.Length is < 1 or > 2 || !Uri.TryCreate(args[0], UriKind.Absolute, out var address))
{
    Console.Error.WriteLine("usage: JourneyGrpc.Contracts.Consumer <server url> [account id]");
    return 2;
}

var account = args.Length > 1 ? args[1] : "ABCDEF";
// Names unique to this run, so a server that has seen an earlier run still passes every check.
var run = Guid.NewGuid().ToString("N")[..8];
var typeName = "consumerIds_" + run;
var engagementId = Guid.NewGuid().ToString();
const string Tenant = "contracts-consumer";
var groupGuid = "consumer-group-" + run;
long reportedSequence = 0;

using var channel = GrpcChannel.ForAddress(address);
var journey = new JourneyService.JourneyServiceClient(channel);
var campaign = new CampaignStatusService.CampaignStatusServiceClient(channel);
var checks = new Checks(TimeSpan.FromSeconds(15));

await checks.RunAsync("journey_create_identifier_type", async deadline =>
{
    var created = (await journey.CreateIdentifierTypeAsync(
        new CreateIdentifierTypeRequest { AccountId = account, Name = typeName, DisplayName = "Consumer ids", IdentifierStrength = IdentifierStrength.Strong },
        deadline: deadline)).IdentifierType;
    Checks.Expect(Guid.TryParse(created.IdentifierId, out _) && created.Name == typeName, $"created {created}");
    return $"created {created}";
});

await checks.RunAsync("journey_list_identifier_types", async deadline =>
{
    var listed = await journey.ListIdentifierTypesAsync(new ListIdentifierTypesRequest { AccountId = account }, deadline: deadline);
    Checks.Expect(listed.IdentifierTypes.Any(t => t.Name == typeName && t.IdentifierStrength == IdentifierStrength.Strong), $"{typeName} not listed: {listed}");
    return $"listed {listed.IdentifierTypes.Count} identifier type(s) on {account}";
});

await checks.RunAsync("journey_create_and_get_engagement", async deadline =>
{
    await journey.CreateEngagementAsync(
        new CreateEngagementRequest
        {
            AccountId = account,
            Id = engagementId,
            StartDate = Timestamp.FromDateTime(DateTime.UtcNow),
            Identifiers = { [typeName] = new ListValue { Values = { Value.ForString("consumer-" + run) } } },
            Conversations = { "Contracts package check" },
        },
        deadline: deadline);
    var engagement = (await journey.GetEngagementAsync(new GetEngagementRequest { AccountId = account, EngagementId = engagementId }, deadline: deadline)).Engagement;
    Checks.Expect(engagement.Id == engagementId && engagement.AccountId == account, $"got {engagement}");
    Checks.Expect(
        engagement.Identifiers.TryGetValue(typeName, out var values) && values.Values.Single().StringValue == "consumer-" + run,
        $"identifiers {engagement.Identifiers}");
    return $"got {engagement}";
});

await checks.RunAsync("journey_invalid_argument_bad_request", async deadline =>
{
    try
    {
        await journey.GetEngagementAsync(new GetEngagementRequest { AccountId = "ABC", EngagementId = engagementId }, deadline: deadline);
    }
    catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument)
    {
        // The rich error travels as google.rpc.Status in grpc-status-details-bin; the package brings
        // Grpc.StatusProto, so GetRpcStatus() reads it with no other reference.
        var status = ex.GetRpcStatus() ?? throw new InvalidOperationException("no grpc-status-details-bin trailer");
        var violations = status.Details.Where(d => d.Is(BadRequest.Descriptor)).SelectMany(d => d.Unpack<BadRequest>().FieldViolations).ToList();
        Checks.Expect(violations.Any(v => v.Field == "accountId"), $"no accountId violation in {status}");
        return $"INVALID_ARGUMENT {string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"))}";
    }

    throw new InvalidOperationException("GetEngagement on account 'ABC' succeeded, want INVALID_ARGUMENT");
});

await checks.RunAsync("campaign_report_state", async deadline =>
{
    var notification = new CampaignGroupStateNotification
    {
        GswUserEvent = "CampaignGroupState",
        GswDateTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) + ".000",
        GswTenantName = Tenant,
        GswCampaignGroupName = "Consumer@Outbound",
        GswCampaignGroupGuid = groupGuid,
        GswCampaignGroupDbid = "1042",
        GswCampaignName = "Consumer",
        GswCampaignGroupState = 5,
        GswCampaignGroupAction = 7,
        GswCampaignGroupActor = 1,
    };
    var recorded = (await campaign.ReportCampaignGroupStateAsync(new ReportCampaignGroupStateRequest { Notification = notification }, deadline: deadline)).Event;
    Checks.Expect(recorded.Sequence > 0 && recorded.Kind == CampaignEventKind.Loaded && recorded.Lifecycle == CampaignGroupLifecycle.Loaded, $"recorded {recorded}");
    Checks.Expect(recorded.Notification.Equals(notification), $"notification did not round-trip: {recorded.Notification}");
    reportedSequence = recorded.Sequence;
    return $"recorded sequence {recorded.Sequence}: {recorded.Kind}, {recorded.TransitionCheck}";
});

await checks.RunAsync("campaign_get_group_state", async deadline =>
{
    var state = (await campaign.GetCampaignGroupStateAsync(new GetCampaignGroupStateRequest { Tenant = Tenant, CampaignGroupGuid = groupGuid }, deadline: deadline)).CampaignGroupState;
    Checks.Expect(state.Lifecycle == CampaignGroupLifecycle.Loaded && state.LastSequence == reportedSequence, $"state {state}");
    return $"state {state.CampaignGroupGuid}: {state.Lifecycle}, last sequence {state.LastSequence}";
});

await checks.RunAsync("campaign_watch_from_log", async deadline =>
{
    // Server streaming through the package's client: resume just before the reported event.
    using var watch = campaign.WatchCampaignStatus(
        new WatchCampaignStatusRequest { Tenant = Tenant, CampaignGroupGuids = { groupGuid }, AfterSequence = reportedSequence - 1 },
        deadline: deadline);
    while (await watch.ResponseStream.MoveNext(CancellationToken.None))
    {
        if (watch.ResponseStream.Current.Event is { } streamed)
        {
            Checks.Expect(streamed.Sequence == reportedSequence && streamed.Notification.GswCampaignGroupGuid == groupGuid, $"streamed {streamed}");
            return $"streamed sequence {streamed.Sequence}, resume after {watch.ResponseStream.Current.ResumeAfterSequence}";
        }
    }

    throw new InvalidOperationException("the watch ended without an event");
});

checks.WriteSummary();
return checks.AllPassed ? 0 : 1;
