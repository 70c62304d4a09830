using System.Text.Json.Nodes;
using JourneyGrpc.Server.Tests.StartEvent.Infrastructure;

namespace JourneyGrpc.Server.Tests.StartEvent.Functional;

/// <summary>Every Context Services operation at its /genesys/1/cs URL through the in-process gateway: status and body.</summary>
public sealed class StartEventRestTests : IAsyncLifetime
{
    private const string Base = "/genesys/1/cs";
    private StartEventTestHost _host = null!;

    public async Task InitializeAsync() => _host = await StartEventTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task StartService_DocumentedBody_Created201WithIdAndStoredAsSent()
    {
        const string body = """
            {"customer_id":"cust-1","service_type":5,"session_id":"s-1","interaction_id":"ixn-1","application_type":"ORS",
             "application_id":101,"resource_type":7,"resource_id":2002,"media_type":"voice","est_duration":300,
             "timestamp":"2026-12-05T10:00:00.000Z","Survey":{"Rating":5},"Proposal":[{"Offer":"A"},{"Offer":"B"}]}
            """;
        var started = await _host.PostAsync($"{Base}/services/start", body, 201);
        var id = (long)started!["service_id"]!;
        Assert.True(id > 0);
        Assert.Equal(JsonValueKindNumber, started["service_id"]!.GetValueKind());

        var service = await _host.GetAsync($"{Base}/services/{id}");
        var expected = JsonNode.Parse($$"""
            {"service_id":{{id}},"service_type":5,"customer_id":"cust-1","est_duration":300,
             "started":{"session_id":"s-1","interaction_id":"ixn-1","application_type":"ORS","application_id":101,"resource_type":7,
                        "resource_id":2002,"media_type":"voice","timestamp":"2026-12-05T10:00:00.000Z"},
             "Survey":{"Rating":5},"Proposal":[{"Offer":"A"},{"Offer":"B"}]}
            """);
        Assert.True(JsonNode.DeepEquals(expected, service), service.ToJsonString());
    }

    [Fact]
    public async Task StartService_NoTimestamp_ServerFillsIsoWithMilliseconds()
    {
        var id = await StartServiceAsync("""{"contact_key":"ANI-555"}""");
        var service = await _host.GetAsync($"{Base}/services/{id}");
        var timestamp = (string)service["started"]!["timestamp"]!;
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", timestamp);
        Assert.True(DateTimeOffset.UtcNow - DateTimeOffset.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture) < TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task StartService_IdsAreUniqueAndIncreasing()
    {
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await StartServiceAsync("""{"customer_id":"c-ids"}"""));
        }

        Assert.Equal(ids.Order(), ids);
        Assert.Equal(5, ids.Distinct().Count());
    }

    [Fact]
    public async Task AnonymousService_FoundByContactKey_ThenAssociated_MovesToCustomer()
    {
        var id = await StartServiceAsync("""{"contact_key":"PIN-1234","service_type":"Billing"}""");
        var anonymous = await _host.GetAsync($"{Base}/services/anonymous/PIN-1234");
        Assert.Equal([id], anonymous.AsArray().Select(s => (long)s!["service_id"]!));
        Assert.Single((await _host.GetAsync($"{Base}/services/anonymous/PIN-1234/active")).AsArray());
        Assert.Empty((await _host.GetAsync($"{Base}/services/anonymous/PIN-1234/completed")).AsArray());

        var associated = await _host.PostAsync($"{Base}/customers/cust-9/services/{id}", """{"interaction_id":"ixn-77","Note":{"Text":"verified"}}""", 204);
        Assert.Null(associated);

        Assert.Empty((await _host.GetAsync($"{Base}/services/anonymous/PIN-1234")).AsArray());
        var services = await _host.GetAsync($"{Base}/customers/cust-9/services");
        var service = Assert.Single(services.AsArray())!;
        Assert.Equal("cust-9", (string)service["customer_id"]!);
        Assert.Equal("ixn-77", (string)service["started"]!["interaction_id"]!);
        Assert.Equal("verified", (string)service["Note"]!["Text"]!);

        // A later association overrides the earlier one.
        await _host.PostAsync($"{Base}/customers/cust-10/services/{id}", string.Empty, 204);
        Assert.Empty((await _host.GetAsync($"{Base}/customers/cust-9/services")).AsArray());
        Assert.Single((await _host.GetAsync($"{Base}/customers/cust-10/services/active")).AsArray());
    }

    [Fact]
    public async Task CustomerServices_ActiveCompletedAndFilters_FromTheIndex()
    {
        var first = await StartServiceAsync("""{"customer_id":"c-q","service_type":1,"timestamp":"2026-01-01T00:00:00.000Z"}""");
        var second = await StartServiceAsync("""{"customer_id":"c-q","service_type":"Sales","timestamp":"2026-02-01T00:00:00.000Z"}""");
        await _host.PostAsync($"{Base}/services/{first}/end", """{"disposition":3,"disposition_desc":"Resolved"}""", 204);

        Assert.Equal([second, first], Ids(await _host.GetAsync($"{Base}/customers/c-q/services")));
        Assert.Equal([second], Ids(await _host.GetAsync($"{Base}/customers/c-q/services/active")));
        Assert.Equal([first], Ids(await _host.GetAsync($"{Base}/customers/c-q/services/completed")));
        Assert.Equal([second], Ids(await _host.GetAsync($"{Base}/customers/c-q/services?started_from=2026-01-15T00:00:00.000Z")));
        Assert.Equal([first], Ids(await _host.GetAsync($"{Base}/customers/c-q/services?started_to=2026-01-15T00:00:00.000Z")));
        Assert.Equal([second, first], Ids(await _host.GetAsync($"{Base}/customers/c-q/services?service_types=1,Sales")));
        Assert.Equal([first], Ids(await _host.GetAsync($"{Base}/customers/c-q/services?service_types=1")));
        Assert.Empty((await _host.GetAsync($"{Base}/customers/nobody/services")).AsArray());
    }

    [Fact]
    public async Task StatesAndTasks_FullLifecycle_DocumentedStatusesAndBodies()
    {
        var service = await StartServiceAsync("""{"customer_id":"c-flow","service_type":5}""");
        var state = (int)(await _host.PostAsync($"{Base}/services/{service}/states/start", """{"state_type":1,"est_duration":60,"Step":{"Name":"ident"}}""", 201))!["state_id"]!;
        var transition = await _host.PostAsync($"{Base}/services/{service}/states/transition", $$"""{"from":{"state_id":{{state}},"disposition":"ok"},"to":{"state_type":8,"est_duration":120},"interaction_id":"ixn-t"}""", 201);
        var next = (int)transition!["state_id"]!;
        Assert.Equal(state, (int)transition["previous_state_id"]!);

        var task = (int)(await _host.PostAsync($"{Base}/services/{service}/tasks/start", $$"""{"state_id":{{next}},"task_type":"Survey","interaction_id":"ixn-1","est_duration":30,"Survey":{"Q":"1"},"Proposal":[{"P":1},{"P":2}]}""", 201))!["task_id"]!;
        var other = (int)(await _host.PostAsync($"{Base}/services/{service}/tasks/start", """{"task_type":12}""", 201))!["task_id"]!;

        var got = await _host.GetAsync($"{Base}/services/{service}/tasks/{task}");
        var expected = JsonNode.Parse($$"""
            {"service_id":{{service}},"state_id":{{next}},"task_id":{{task}},"task_type":"Survey","est_duration":30,
             "started":{"interaction_id":"ixn-1","timestamp":"{{(string)got["started"]!["timestamp"]!}}"},
             "Survey":{"Q":"1"},"Proposal":[{"P":1},{"P":2}]}
            """);
        Assert.True(JsonNode.DeepEquals(expected, got), got.ToJsonString());

        Assert.Equal([task, other], TaskIds(await _host.GetAsync($"{Base}/services/{service}/tasks")));
        Assert.Equal([task], TaskIds(await _host.GetAsync($"{Base}/services/{service}/tasks?state_id={next}")));
        Assert.Equal([other], TaskIds(await _host.GetAsync($"{Base}/services/{service}/tasks?task_types=12")));
        Assert.Equal([task, other], TaskIds(await _host.GetAsync($"{Base}/services/{service}/tasks?task_types=Survey,12")));
        var projected = await _host.GetAsync($"{Base}/services/{service}/tasks?state_id={next}&extensions=Survey");
        Assert.Null(projected[0]!["Proposal"]);
        Assert.Equal("1", (string)projected[0]!["Survey"]!["Q"]!);

        Assert.Null(await _host.PostAsync($"{Base}/services/{service}/tasks/{task}/end", """{"disposition":"done","timestamp":"2026-12-05T11:00:00.000Z"}""", 204));
        Assert.Equal([task], TaskIds(await _host.GetAsync($"{Base}/services/{service}/tasks/completed")));
        Assert.Equal([other], TaskIds(await _host.GetAsync($"{Base}/services/{service}/tasks/active")));

        var (status, body) = await _host.SendAsync(HttpMethod.Put, $"{Base}/services/{service}/states/{next}/extensions/Outcome", """{"Code":7}""");
        Assert.Equal((200, string.Empty), (status, body));
        (status, body) = await _host.SendAsync(HttpMethod.Put, $"{Base}/services/{service}/extensions/Offers", """[{"Id":1},{"Id":2}]""");
        Assert.Equal((200, string.Empty), (status, body));

        var stateJson = await _host.GetAsync($"{Base}/services/{service}/states/{next}");
        Assert.Equal(7, (int)stateJson["Outcome"]!["Code"]!);
        Assert.Equal(state, (int)stateJson["previous_state_id"]!);
        Assert.Equal([state, next], StateIds(await _host.GetAsync($"{Base}/services/{service}/states")));
        Assert.Equal([next], StateIds(await _host.GetAsync($"{Base}/services/{service}/states/active")));
        Assert.Equal([state], StateIds(await _host.GetAsync($"{Base}/services/{service}/states/completed")));
        Assert.Null(await _host.PostAsync($"{Base}/services/{service}/states/{next}/end", "{}", 204));

        var full = await _host.GetAsync($"{Base}/services/{service}?active_states=true&completed_states=true&active_tasks=true&completed_tasks=true");
        Assert.Empty(full["active_states"]?.AsArray() ?? []);
        Assert.Equal(2, full["completed_states"]!.AsArray().Count);
        Assert.Equal([other], TaskIds(full["active_tasks"]!));
        Assert.Equal([task], TaskIds(full["completed_tasks"]!));
        Assert.Equal(2, full["Offers"]!.AsArray().Count);
        var bare = await _host.GetAsync($"{Base}/services/{service}");
        Assert.Null(bare["active_tasks"]);

        Assert.Null(await _host.PostAsync($"{Base}/services/{service}/end", """{"disposition":1}""", 204));
        var (deleted, deletedBody) = await _host.SendAsync(HttpMethod.Delete, $"{Base}/services/{service}");
        Assert.Equal((204, string.Empty), (deleted, deletedBody));
        await AssertErrorAsync(HttpMethod.Get, $"{Base}/services/{service}", null, 404, "NOT_FOUND");
        await AssertErrorAsync(HttpMethod.Get, $"{Base}/services/{service}/tasks/{task}", null, 404, "NOT_FOUND");
    }

    [Fact]
    public async Task EndService_SameEventTwice_Idempotent_DifferentEvent_FailedPrecondition()
    {
        var id = await StartServiceAsync("""{"customer_id":"c-end"}""");
        await _host.PostAsync($"{Base}/services/{id}/end", """{"disposition":"Sold","Outcome":{"Value":1}}""", 204);
        await _host.PostAsync($"{Base}/services/{id}/end", """{"disposition":"Sold","Outcome":{"Value":1}}""", 204);
        await AssertErrorAsync(HttpMethod.Post, $"{Base}/services/{id}/end", """{"disposition":"Lost"}""", 400, "FAILED_PRECONDITION", "already ended with a different end event");

        var service = await _host.GetAsync($"{Base}/services/{id}");
        Assert.Equal("Sold", (string)service["completed"]!["disposition"]!);
        Assert.Equal(1, (int)service["Outcome"]!["Value"]!);
        await AssertErrorAsync(HttpMethod.Post, $"{Base}/services/{id}/states/start", """{"state_type":1}""", 400, "FAILED_PRECONDITION", $"Service {id} has ended; a state cannot start on it.");
        await AssertErrorAsync(HttpMethod.Post, $"{Base}/services/{id}/tasks/start", """{"task_type":1}""", 400, "FAILED_PRECONDITION", $"Service {id} has ended; a task cannot start on it.");
    }

    [Theory]
    [InlineData("POST", "/services/start", """{"service_type":1}""", 400, "customer_id")]
    [InlineData("POST", "/services/start", """{"customer_id":"c","service_type":{"a":1}}""", 400, "service_type")]
    [InlineData("POST", "/services/start", """{"customer_id":"c","media_type":1.5}""", 400, "media_type")]
    [InlineData("POST", "/services/start", """{"customer_id":"c","timestamp":"05/12/2026"}""", 400, "timestamp")]
    [InlineData("POST", "/services/start", """{"customer_id":"c","est_duration":-1}""", 400, "est_duration")]
    [InlineData("POST", "/services/start", """{"customer_id":"c","resource_id":"x"}""", 400, "resource_id")]
    [InlineData("POST", "/services/start", """not json""", 400, "")]
    [InlineData("GET", "/services/abc", null, 400, "service_id")]
    [InlineData("GET", "/services/0", null, 400, "service_id")]
    [InlineData("GET", "/services/999999", null, 404, null)]
    [InlineData("POST", "/services/999999/end", "{}", 404, null)]
    [InlineData("POST", "/services/999999/states/start", """{"state_type":1}""", 404, null)]
    [InlineData("POST", "/services/999999/tasks/start", """{"task_type":1}""", 404, null)]
    [InlineData("POST", "/customers/c/services/999999", "{}", 404, null)]
    [InlineData("DELETE", "/services/999999", null, 404, null)]
    [InlineData("GET", "/services/999999/tasks", null, 404, null)]
    [InlineData("GET", "/services/999999/states", null, 404, null)]
    [InlineData("PUT", "/services/999999/extensions/Good", """{"a":1}""", 404, null)]
    [InlineData("PUT", "/services/1/extensions/9bad", """{"a":1}""", 400, "extension_name")]
    [InlineData("POST", "/services/1/states/transition", """{"to":{"state_type":2}}""", 400, "from")]
    [InlineData("POST", "/services/1/end", """{"disposition_desc":"0123456789012345678901234567890123456789012345678901234567890123456789"}""", 400, "disposition_desc")]
    [InlineData("POST", "/services/1/end", """{"session_id":"012345678901234567890123456789012"}""", 400, "session_id")]
    [InlineData("GET", "/customers/c/services?started_from=yesterday", null, 400, "started_from")]
    public async Task BadOrUnknown_ContextServicesErrorObject(string method, string path, string? body, int status, string? field)
    {
        var error = await AssertErrorAsync(new HttpMethod(method), Base + path, body, status, status == 404 ? "NOT_FOUND" : "INVALID_ARGUMENT");
        if (field is { Length: > 0 })
        {
            Assert.Contains(error["violations"]!.AsArray(), v => (string)v!["field"]! == field);
        }
    }

    [Fact]
    public async Task StateAndTask_OfAnotherService_NotFound()
    {
        var a = await StartServiceAsync("""{"customer_id":"c-a"}""");
        var b = await StartServiceAsync("""{"customer_id":"c-b"}""");
        var state = (int)(await _host.PostAsync($"{Base}/services/{a}/states/start", "{}", 201))!["state_id"]!;
        var task = (int)(await _host.PostAsync($"{Base}/services/{a}/tasks/start", "{}", 201))!["task_id"]!;
        await AssertErrorAsync(HttpMethod.Get, $"{Base}/services/{b}/states/{state}", null, 404, "NOT_FOUND", $"State {state} does not exist in service {b}.");
        await AssertErrorAsync(HttpMethod.Get, $"{Base}/services/{b}/tasks/{task}", null, 404, "NOT_FOUND", $"Task {task} does not exist in service {b}.");
        await AssertErrorAsync(HttpMethod.Post, $"{Base}/services/{b}/tasks/start", $$"""{"state_id":{{state}}}""", 404, "NOT_FOUND");
    }

    [Fact]
    public async Task Tenants_DoNotSeeEachOther()
    {
        var (status, body) = await _host.SendAsync(HttpMethod.Post, $"{Base}/services/start?tenant=acme", """{"customer_id":"shared"}""");
        Assert.Equal(201, status);
        var id = (long)JsonNode.Parse(body)!["service_id"]!;
        Assert.Single((await _host.GetAsync($"{Base}/customers/shared/services?tenant=acme")).AsArray());
        Assert.Empty((await _host.GetAsync($"{Base}/customers/shared/services")).AsArray());
        await AssertErrorAsync(HttpMethod.Get, $"{Base}/services/{id}?tenant=other", null, 404, "NOT_FOUND", $"Service {id} does not exist in tenant 'other'.");
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNumber = System.Text.Json.JsonValueKind.Number;

    private async Task<long> StartServiceAsync(string body) => (long)(await _host.PostAsync($"{Base}/services/start", body, 201))!["service_id"]!;

    private async Task<JsonNode> AssertErrorAsync(HttpMethod method, string path, string? body, int status, string code, string? description = null)
    {
        var (actual, text) = await _host.SendAsync(method, path, body);
        Assert.True(actual == status, $"{method} {path}: {actual} {text}");
        var error = JsonNode.Parse(text)!;
        Assert.Equal(method.Method, (string)error["http_method"]!);
        Assert.Equal(status, (int)error["http_code"]!);
        Assert.Equal(code, (string)error["error_code"]!);
        Assert.False(string.IsNullOrEmpty((string?)error["error_description"]));
        if (description is not null)
        {
            Assert.Contains(description, (string)error["error_description"]!, StringComparison.Ordinal);
        }

        return error;
    }

    private static long[] Ids(JsonNode services) => [.. services.AsArray().Select(s => (long)s!["service_id"]!)];

    private static int[] TaskIds(JsonNode tasks) => [.. tasks.AsArray().Select(t => (int)t!["task_id"]!)];

    private static int[] StateIds(JsonNode states) => [.. states.AsArray().Select(s => (int)s!["state_id"]!)];
}
