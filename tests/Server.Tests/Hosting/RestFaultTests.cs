using System.Text;
using System.Text.Json.Nodes;
using JourneyGrpc.Server.Journey;
using JourneyGrpc.Server.StartEvent;
using JourneyGrpc.Server.Tests.Campaign.Infrastructure;
using JourneyGrpc.Server.Tests.Hosting.Infrastructure;
using JourneyGrpc.Server.Tests.Journey.Infrastructure;
using JourneyGrpc.Server.WebEngagement;
using JourneyGrpc.Store;
using JourneyGrpc.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Server.Tests.Hosting;

/// <summary>
/// The real services behind the in-process gateway, their store failing with an exception no service
/// maps: each REST error format answers the documented 500 with a correlation id (README "REST gateway"),
/// never the exception's text, and Kestrel never sees the exception.
/// </summary>
public sealed class RestFaultTests : IAsyncLifetime
{
    private readonly CapturingLoggerProvider _logs = new();
    private LoopbackTestHost _host = null!;
    private HttpClient _rest = null!;

    public async Task InitializeAsync()
    {
        _host = await LoopbackTestHost.StartAsync(
            "rest-fault",
            (services, configuration) =>
            {
                services.AddJourneyService(configuration);
                services.AddStartEvent(configuration);
                services.AddEngagementService(configuration);
                var store = services.Single(d => d.ServiceType == typeof(IJourneyStore));
                services.Remove(store);
                services.AddSingleton(provider => FaultingStore.Wrap(provider.GetRequiredService<JourneyStore>()));
            },
            app =>
            {
                app.MapJourneyService();
                app.MapStartEvent();
                app.MapEngagementService();
            },
            restGateway: true,
            configureLogging: logging => logging.AddProvider(_logs),
            timeout: TestTimeouts.Default);
        _rest = new HttpClient { BaseAddress = _host.RestAddress, Timeout = TestTimeouts.Default };
        FaultingStore.Failing = true;
    }

    public async Task DisposeAsync()
    {
        FaultingStore.Failing = false;
        _rest.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task CreateEngagement_StoreThrows_ProblemJson500WithCorrelationId()
    {
        var body = Google.Protobuf.JsonFormatter.Default.Format(Requests.CreateEngagement());

        var (status, contentType, id, error) = await SendAsync(HttpMethod.Post, $"/api/journey/v1/accounts/{Requests.Account}/engagements", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal((500, "application/problem+json"), (status, contentType));
        Assert.Equal((500, "Server Error", id), ((int)error["status"]!, (string?)error["title"], (string?)error["correlationId"]));
    }

    [Fact]
    public async Task StartService_StoreThrows_ErrorObject500WithCorrelationId()
    {
        var (status, contentType, id, error) = await SendAsync(HttpMethod.Post, "/genesys/1/cs/services/start", new StringContent("""{"customer_id":"cust-1","service_type":5}""", Encoding.UTF8, "application/json"));

        Assert.Equal((500, "application/json"), (status, contentType));
        Assert.Equal((500, "UNKNOWN", "POST", id), ((int)error["http_code"]!, (string?)error["error_code"], (string?)error["http_method"], (string?)error["correlation_id"]));
    }

    [Fact]
    public async Task GetWebAction_StoreThrows_RpcStatus500WithRequestInfo()
    {
        var (status, contentType, id, error) = await SendAsync(HttpMethod.Get, $"/v1/deployments/{Guid.NewGuid():D}/web-actions/{Guid.NewGuid():D}", null);

        Assert.Equal((500, "application/json"), (status, contentType));
        Assert.Equal(2, (int)error["code"]!);
        var info = Assert.Single(error["details"]!.AsArray())!;
        Assert.Equal(("type.googleapis.com/google.rpc.RequestInfo", id), ((string?)info["@type"], (string?)info["requestId"]));
    }

    /// <summary>Sends, checks what every such 500 shares (the id in the header, no exception text, no Kestrel error), and returns the body.</summary>
    private async Task<(int Status, string? ContentType, string CorrelationId, JsonNode Body)> SendAsync(HttpMethod method, string path, HttpContent? content)
    {
        using (var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content })
        {
            using var response = await _rest.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.Headers.Contains("x-correlation-id"), $"{(int)response.StatusCode}: {text}");
            var id = Assert.Single(response.Headers.GetValues("x-correlation-id"));
            Assert.False(string.IsNullOrEmpty(id));
            Assert.DoesNotContain(FaultingStore.Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
            Assert.DoesNotContain(_logs.Events, e => e.Id == 13 && e.Name == "ApplicationError");
            Assert.Contains(_logs.Events, e => e.Id == 8 && e.Name == "RequestFaulted");
            return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, id, JsonNode.Parse(text)!);
        }
    }
}
