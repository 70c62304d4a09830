using System.Text.Json.Nodes;
using JourneyGrpc.Server.Tests.WebEngagement.Infrastructure;

namespace JourneyGrpc.Server.Tests.WebEngagement.Functional;

/// <summary>Every REST URL of the engagement service through the in-process gateway: status and body shape, form field and JSON body.</summary>
public sealed class EngagementRestTests : IAsyncLifetime
{
    private const string Engage = "/server/data/gateway/engage";
    private const string NoEngage = "/server/data/gateway/noengage";
    private static readonly string Deployment = Visits.Deployment;

    private EngagementTestHost _host = null!;

    public async Task InitializeAsync() => _host = await EngagementTestHost.StartAsync(new Dictionary<string, string?> { ["Engagement:DefaultDeploymentId"] = Visits.Deployment });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Engage_FormField_200WithTheQualifiedActionAndTheProfileUnknownKeysKept()
    {
        var visit = Visits.NewId();
        var profile = RestBodies.Profile(visit, ""","engagementType":"chat","data":{"queue":"sales","priority":3},"ok":true""");
        var (status, body, contentType) = await RestBodies.SendAsync(_host.Rest, HttpMethod.Post, Engage, RestBodies.Form("ixnProfile", profile));

        Assert.Equal(200, status);
        Assert.Equal("application/json", contentType);
        var action = body!["webAction"]!;
        Assert.Equal("WEB_ACTION_STATE_QUALIFIED", (string)action["state"]!);
        Assert.Equal(visit, (string)action["sessionId"]!);
        Assert.Equal(Deployment, (string)action["deploymentId"]!);
        Assert.Equal("contentOffer", (string)action["mediaType"]!);
        Assert.True(Guid.TryParseExact((string)action["id"]!, "D", out _));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(profile), action["ixnProfile"]), action["ixnProfile"]!.ToJsonString());
    }

    [Fact]
    public async Task Engage_JsonBodyWithFormParameters_200AndParametersBound()
    {
        var visit = Visits.NewId();
        var (status, body, _) = await RestBodies.SendAsync(
            _host.Rest, HttpMethod.Post, $"{Engage}?actionMapId={Visits.ActionMap}&actionMapVersion=4&mediaType=webMessagingOffer", RestBodies.Json(RestBodies.Profile(visit)));

        Assert.Equal(200, status);
        Assert.Equal(Visits.ActionMap, (string)body!["webAction"]!["actionMapId"]!);
        Assert.Equal(4, (int)body["webAction"]!["actionMapVersion"]!);
        Assert.Equal("webMessagingOffer", (string)body["webAction"]!["mediaType"]!);

        // The same parameters as form fields next to ixnProfile.
        var (formStatus, formBody, _) = await RestBodies.SendAsync(
            _host.Rest, HttpMethod.Post, Engage, RestBodies.Form("ixnProfile", RestBodies.Profile(Visits.NewId()), ("actionMapId", Visits.ActionMap), ("actionMapVersion", "5")));
        Assert.Equal(200, formStatus);
        Assert.Equal(5, (int)formBody!["webAction"]!["actionMapVersion"]!);
    }

    public static TheoryData<string, string, string> BadEngageBodies => new()
    {
        { "form", "{\"visitID\":", "visitID: Request JSON payload is not correct" },
        { "json", "{\"visitID\":", "" },
        { "json", "{}", "ixnProfile.visitID is required" },
        { "form", "{\"visitID\":\"not-a-uuid\"}", "ixnProfile.visitID must be a UUID" },
        { "json", "{\"visitID\":\"9c1d\",\"pageID\":\"x\"}", "ixnProfile.pageID must be a UUID" },
        { "json", "[1,2]", "" },
    };

    [Theory]
    [MemberData(nameof(BadEngageBodies))]
    public async Task Engage_MalformedOrInvalidProfile_400JsonFaultNamingTheProblem(string kind, string profile, string named)
    {
        var content = kind == "form" ? RestBodies.Form("ixnProfile", profile) : RestBodies.Json(profile);
        var (status, body, contentType) = await RestBodies.SendAsync(_host.Rest, HttpMethod.Post, Engage, content);

        Assert.Equal(400, status);
        Assert.Equal("application/json", contentType);
        Assert.Equal(3, (int)body!["code"]!);
        Assert.Contains(named, (string)body["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Engage_FormWithoutIxnProfile_400NamingTheParameter()
    {
        var (status, body, _) = await RestBodies.SendAsync(_host.Rest, HttpMethod.Post, Engage, new FormUrlEncodedContent([new("profile", "{}")]));

        Assert.Equal(400, status);
        Assert.Contains("ixnProfile", (string)body!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Engage_SecondAttemptOfAVisitInStrictMode_400FaultSayingAnAttemptIsInProgress()
    {
        var visit = Visits.NewId();
        var (first, firstBody, _) = await RestBodies.SendAsync(_host.Rest, HttpMethod.Post, Engage, RestBodies.Form("ixnProfile", RestBodies.Profile(visit)));
        var (second, body, _) = await RestBodies.SendAsync(_host.Rest, HttpMethod.Post, Engage, RestBodies.Json(RestBodies.Profile(visit)));

        Assert.Equal(200, first);
        Assert.Equal(400, second);
        Assert.Equal(9, (int)body!["code"]!);
        Assert.Equal(
            $"Visit {visit} already has engagement attempt {(string)firstBody!["webAction"]!["id"]!} in progress (QUALIFIED); strictEngagementMode allows one attempt at a time per visit.",
            (string)body["message"]!);
    }

    [Fact]
    public async Task NoEngage_FormAndJson_200WithTheCancelledAttempt()
    {
        foreach (var form in new[] { true, false })
        {
            var visit = Visits.NewId();
            var (_, engaged, _) = await RestBodies.SendAsync(_host.Rest, HttpMethod.Post, Engage, RestBodies.Form("ixnProfile", RestBodies.Profile(visit)));
            var cancelData = $$"""{"visitID":"{{visit}}","reason":"agent unavailable"}""";
            var (status, body, contentType) = await RestBodies.SendAsync(
                _host.Rest, HttpMethod.Post, NoEngage, form ? RestBodies.Form("cancelData", cancelData) : RestBodies.Json(cancelData));

            Assert.Equal(200, status);
            Assert.Equal("application/json", contentType);
            var cancelled = Assert.Single(body!["webActions"]!.AsArray())!;
            Assert.Equal((string)engaged!["webAction"]!["id"]!, (string)cancelled["id"]!);
            Assert.Equal("WEB_ACTION_STATE_CANCELLED", (string)cancelled["state"]!);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(cancelData), cancelled["cancelData"]));
        }
    }

    [Fact]
    public async Task NoEngage_UnknownAttempt_400FaultNamingTheVisit()
    {
        var visit = Visits.NewId();
        var (status, body, _) = await RestBodies.SendAsync(_host.Rest, HttpMethod.Post, NoEngage, RestBodies.Form("cancelData", $$"""{"visitID":"{{visit}}"}"""));

        Assert.Equal(400, status);
        Assert.Equal(5, (int)body!["code"]!);
        Assert.Equal($"Visit {visit} has no engagement attempt in progress in deployment {Deployment}.", (string)body["message"]!);
    }

    [Fact]
    public async Task NoEngage_MissingCancelData_400()
    {
        var (status, body, _) = await RestBodies.SendAsync(_host.Rest, HttpMethod.Post, NoEngage, RestBodies.Json(string.Empty));

        Assert.Equal(400, status);
        Assert.Contains("cancelData", (string)body!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionEvent_OfferedThenAccepted_204EmptyThenSecondAnswer409()
    {
        var visit = Visits.NewId();
        var (_, engaged, _) = await RestBodies.SendAsync(_host.Rest, HttpMethod.Post, Engage, RestBodies.Form("ixnProfile", RestBodies.Profile(visit)));
        var id = (string)engaged!["webAction"]!["id"]!;
        var url = $"/api/v2/journey/deployments/{Deployment}/actionevent";
        string Event(string state) => $$"""{"sessionId":"{{visit}}","actionId":"{{id}}","actionState":"{{state}}"}""";

        var offered = await RestBodies.SendAsync(_host.Rest, HttpMethod.Post, url, RestBodies.Json(Event("offered")));
        var accepted = await RestBodies.SendAsync(_host.Rest, HttpMethod.Post, url, RestBodies.Json(Event("accepted")));
        var rejected = await RestBodies.SendAsync(_host.Rest, HttpMethod.Post, url, RestBodies.Json(Event("rejected")));

        Assert.Equal((204, null), (offered.Status, offered.Body));
        Assert.Equal((204, null), (accepted.Status, accepted.Body));
        Assert.Equal(409, rejected.Status);
        Assert.Equal(9, (int)rejected.Body!["code"]!);
        Assert.Equal($"Web action {id}: cannot change from ACCEPTED to REJECTED: ACCEPTED is terminal.", (string)rejected.Body["message"]!);

        var (getStatus, read, _) = await RestBodies.SendAsync(_host.Rest, HttpMethod.Get, $"/v1/deployments/{Deployment}/web-actions/{id}");
        Assert.Equal(200, getStatus);
        Assert.Equal("WEB_ACTION_STATE_ACCEPTED", (string)read!["webAction"]!["state"]!);
        Assert.Equal(["WEB_ACTION_STATE_QUALIFIED", "WEB_ACTION_STATE_OFFERED", "WEB_ACTION_STATE_ACCEPTED"], read["webAction"]!["history"]!.AsArray().Select(h => (string)h!["state"]!));
    }

    [Fact]
    public async Task ActionEvent_ErroredWithErrorFields_KeptOnTheAction()
    {
        var visit = Visits.NewId();
        var (_, engaged, _) = await RestBodies.SendAsync(_host.Rest, HttpMethod.Post, Engage, RestBodies.Form("ixnProfile", RestBodies.Profile(visit)));
        var id = (string)engaged!["webAction"]!["id"]!;
        var (status, _, _) = await RestBodies.SendAsync(
            _host.Rest, HttpMethod.Post, $"/api/v2/journey/deployments/{Deployment}/actionevent",
            RestBodies.Json($$"""{"sessionId":"{{visit}}","actionId":"{{id}}","actionState":"errored","errorCode":502,"errorMessage":"widget failed to load"}"""));
        var (_, read, _) = await RestBodies.SendAsync(_host.Rest, HttpMethod.Get, $"/v1/deployments/{Deployment}/web-actions/{id}");

        Assert.Equal(204, status);
        Assert.Equal("WEB_ACTION_STATE_ERRORED", (string)read!["webAction"]!["state"]!);
        Assert.Equal(502, (int)read["webAction"]!["errorCode"]!);
        Assert.Equal("widget failed to load", (string)read["webAction"]!["errorMessage"]!);
    }

    public static TheoryData<string, string> BadActionEvents => new()
    {
        { """{"sessionId":"s","actionId":"6b2e4d8a-1c3f-4e5a-8b7d-9f0a1b2c3d4e","actionState":"offered"}""", "sessionId must be a UUID" },
        { """{"sessionId":"6b2e4d8a-1c3f-4e5a-8b7d-9f0a1b2c3d4e","actionState":"offered"}""", "actionId is required" },
        { """{"sessionId":"6b2e4d8a-1c3f-4e5a-8b7d-9f0a1b2c3d4e","actionId":"6b2e4d8a-1c3f-4e5a-8b7d-9f0a1b2c3d4e","actionState":"Accepted"}""", "actionState must be one of offered, accepted" },
        { """{"sessionId":"6b2e4d8a-1c3f-4e5a-8b7d-9f0a1b2c3d4e","actionId":"6b2e4d8a-1c3f-4e5a-8b7d-9f0a1b2c3d4e","actionState":"completed"}""", "actionState 'completed' is a Genesys Cloud state this service does not accept" },
        { """{"sessionId":"6b2e4d8a-1c3f-4e5a-8b7d-9f0a1b2c3d4e","actionId":"6b2e4d8a-1c3f-4e5a-8b7d-9f0a1b2c3d4e","actionState":"accepted","errorCode":1}""", "errorCode is only allowed with actionState errored" },
        { """{"sessionId":"6b2e4d8a-1c3f-4e5a-8b7d-9f0a1b2c3d4e","actionId":"6b2e4d8a-1c3f-4e5a-8b7d-9f0a1b2c3d4e","actionState":"offered","bogus":1}""", "bogus" },
    };

    [Theory]
    [MemberData(nameof(BadActionEvents))]
    public async Task ActionEvent_InvalidRequest_400NamingTheField(string json, string named)
    {
        var (status, body, _) = await RestBodies.SendAsync(_host.Rest, HttpMethod.Post, $"/api/v2/journey/deployments/{Deployment}/actionevent", RestBodies.Json(json));

        Assert.Equal(400, status);
        Assert.Contains(named, (string)body!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionEvent_UnknownActionOrBadDeployment_404And400()
    {
        var unknown = Visits.NewId();
        var json = $$"""{"sessionId":"{{Visits.NewId()}}","actionId":"{{unknown}}","actionState":"offered"}""";
        var (status, body, _) = await RestBodies.SendAsync(_host.Rest, HttpMethod.Post, $"/api/v2/journey/deployments/{Deployment}/actionevent", RestBodies.Json(json));
        var (badStatus, badBody, _) = await RestBodies.SendAsync(_host.Rest, HttpMethod.Post, "/api/v2/journey/deployments/prod/actionevent", RestBodies.Json(json));

        Assert.Equal(404, status);
        Assert.Equal($"Web action {unknown} does not exist in deployment {Deployment}.", (string)body!["message"]!);
        Assert.Equal(400, badStatus);
        Assert.Contains("deploymentId must be a UUID", (string)badBody!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ping_CustomerWithWaitingActions_DeploymentPingShape()
    {
        var customer = Visits.NewId();
        var profile = $$"""{"visitID":"{{Visits.NewId()}}","globalVisitID":"{{customer}}"}""";
        var (_, engaged, _) = await RestBodies.SendAsync(_host.Rest, HttpMethod.Post, $"{Engage}?actionMapId={Visits.ActionMap}&actionMapVersion=2", RestBodies.Form("ixnProfile", profile));
        var (status, body, _) = await RestBodies.SendAsync(_host.Rest, HttpMethod.Get, $"/api/v2/journey/deployments/{Deployment}/customers/{customer}/ping");
        var (noneStatus, none, _) = await RestBodies.SendAsync(_host.Rest, HttpMethod.Get, $"/api/v2/journey/deployments/{Deployment}/customers/{Visits.NewId()}/ping");

        Assert.Equal(200, status);
        var expected = new JsonObject
        {
            ["id"] = (string)engaged!["webAction"]!["id"]!,
            ["mediaType"] = "contentOffer",
            ["customerId"] = customer,
            ["customerIdType"] = "cookie",
            ["actionMapId"] = Visits.ActionMap,
            ["actionMapVersion"] = 2,
            ["sessionId"] = (string)engaged["webAction"]!["sessionId"]!,
        };
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["actions"] = new JsonArray(expected), ["pollIntervalMilliseconds"] = 10000 }, body), body!.ToJsonString());
        Assert.Equal(200, noneStatus);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"pollIntervalMilliseconds":10000}"""), none), none!.ToJsonString());
    }

    [Fact]
    public async Task Performance_AfterALifecycle_CountsAndRatiosOverRest()
    {
        var map = Visits.NewId();
        var now = _host.Clock.GetUtcNow();
        foreach (var answer in new[] { "accepted", "accepted", "rejected", "ignored", null })
        {
            var visit = Visits.NewId();
            var (_, engaged, _) = await RestBodies.SendAsync(_host.Rest, HttpMethod.Post, $"{Engage}?actionMapId={map}&actionMapVersion=1", RestBodies.Form("ixnProfile", RestBodies.Profile(visit)));
            var id = (string)engaged!["webAction"]!["id"]!;
            foreach (var state in answer is null ? new[] { "frequencyCapReached" } : ["offered", answer])
            {
                var (status, _, _) = await RestBodies.SendAsync(
                    _host.Rest, HttpMethod.Post, $"/api/v2/journey/deployments/{Deployment}/actionevent", RestBodies.Json($$"""{"sessionId":"{{visit}}","actionId":"{{id}}","actionState":"{{state}}"}"""));
                Assert.Equal(204, status);
            }
        }

        var range = $"startTime={now.AddMinutes(-1):yyyy-MM-ddTHH:mm:ssZ}&endTime={now.AddMinutes(1):yyyy-MM-ddTHH:mm:ssZ}";
        var (getStatus, body, _) = await RestBodies.SendAsync(_host.Rest, HttpMethod.Get, $"/v1/deployments/{Deployment}/action-maps/{map}/versions/1/performance?{range}");
        var (otherVersion, other, _) = await RestBodies.SendAsync(_host.Rest, HttpMethod.Get, $"/v1/deployments/{Deployment}/action-maps/{map}/versions/2/performance?{range}");
        var (badStatus, bad, _) = await RestBodies.SendAsync(_host.Rest, HttpMethod.Get, $"/v1/deployments/{Deployment}/action-maps/{map}/versions/1/performance?startTime={now:yyyy-MM-ddTHH:mm:ssZ}");

        Assert.Equal(200, getStatus);
        // proto3 JSON leaves zeros out.
        double N(string key) => (double?)body![key] ?? 0;
        Assert.Equal((5, 1, 4, 2, 0, 1), (N("qualified"), N("blocked"), N("offered"), N("accepted"), N("engaged"), N("rejected")));
        Assert.Equal((80.0, 50.0, 0.0), (N("offeredPercent"), N("acceptedPercent"), N("engagedPercent")));
        Assert.Null(body!["engaged"]);
        Assert.Equal(200, otherVersion);
        Assert.Equal(0, (int?)other!["qualified"] ?? 0);
        Assert.Equal(400, badStatus);
        Assert.Contains("endTime is required", (string)bad!["message"]!, StringComparison.Ordinal);
    }
}
