using System.Text;
using System.Text.Json.Nodes;
using Grpc.Net.Client;
using JourneyGrpc.Server.StartEvent;
using JourneyGrpc.Server.Tests.Campaign.Infrastructure;
using JourneyGrpc.StartEvent.V1;
using JourneyGrpc.Tests.Hosting;

namespace JourneyGrpc.Server.Tests.StartEvent.Infrastructure;

/// <summary>
/// A server with only the start-event service on real Kestrel over loopback: gRPC (h2c) with the
/// generated client, and the in-process REST gateway (HTTP/1.1) with an <see cref="HttpClient"/>.
/// </summary>
internal sealed class StartEventTestHost : IAsyncDisposable
{
    private readonly LoopbackTestHost _host;
    private readonly GrpcChannel _channel;

    private StartEventTestHost(LoopbackTestHost host)
    {
        _host = host;
        Rest = new HttpClient { BaseAddress = host.RestAddress, Timeout = TestTimeouts.Default };
        _channel = GrpcChannel.ForAddress(host.GrpcAddress);
        Client = new StartEventService.StartEventServiceClient(_channel);
    }

    internal StartEventService.StartEventServiceClient Client { get; }

    internal HttpClient Rest { get; }

    internal static async Task<StartEventTestHost> StartAsync(IDictionary<string, string?>? settings = null) =>
        new(await LoopbackTestHost.StartAsync(
            "startevent",
            (services, configuration) => services.AddStartEvent(configuration),
            app => app.MapStartEvent(),
            restGateway: true,
            settings: settings,
            timeout: TestTimeouts.Default));

    /// <summary>Sends a request with an optional JSON body; returns the status and the body text.</summary>
    internal async Task<(int Status, string Body)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await Rest.SendAsync(request).Bounded();
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>POSTs and expects <paramref name="status"/>; returns the parsed body (null when empty).</summary>
    internal async Task<JsonNode?> PostAsync(string path, string json, int status)
    {
        var (actual, body) = await SendAsync(HttpMethod.Post, path, json);
        Assert.True(actual == status, $"POST {path}: {actual} {body}");
        return body.Length == 0 ? null : JsonNode.Parse(body);
    }

    /// <summary>GETs and expects 200; returns the parsed body.</summary>
    internal async Task<JsonNode> GetAsync(string path)
    {
        var (actual, body) = await SendAsync(HttpMethod.Get, path);
        Assert.True(actual == 200, $"GET {path}: {actual} {body}");
        return JsonNode.Parse(body)!;
    }

    public async ValueTask DisposeAsync()
    {
        Rest.Dispose();
        _channel.Dispose();
        await _host.DisposeAsync();
    }
}
