using JourneyGrpc.Gateway.Host;
using JourneyGrpc.Gateway.TestService;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace JourneyGrpc.Gateway.Tests.Infrastructure;

/// <summary>
/// Two live hosts on loopback: the test services with gRPC (h2c) and the in-process gateway
/// (HTTP/1.1) on separate ports, and the standalone gateway forwarding to that gRPC port. Each host's
/// log goes to a <see cref="FakeLogCollector"/> as well, read by the tests that assert what was logged.
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    internal static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private WebApplication? _server;
    private WebApplication? _standalone;
    private readonly Dictionary<HostingMode, HttpClient> _clients = [];

    public Uri GrpcAddress { get; private set; } = null!;

    /// <summary>Everything the hosts logged (the forwarding gateway at its Warning level and above).</summary>
    public IReadOnlyDictionary<HostingMode, FakeLogCollector> Logs { get; } = new Dictionary<HostingMode, FakeLogCollector>
    {
        [HostingMode.InProcess] = new(),
        [HostingMode.Forwarding] = new(),
    };

    public HttpClient Client(HostingMode mode) => _clients[mode];

    public async Task InitializeAsync()
    {
        _server = GatewayTestHosts.BuildInProcess(logging => logging.AddProvider(new FakeLoggerProvider(Logs[HostingMode.InProcess])));
        await _server.StartAsync().WaitAsync(Timeout);
        var addresses = Addresses(_server);
        GrpcAddress = addresses[0];
        _clients[HostingMode.InProcess] = CreateClient(addresses[1]);

        _standalone = GatewayHost.Build(
            [$"--Gateway:Upstreams:0={GrpcAddress}", "--Gateway:ListenUrl=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"],
            GatewayTestHosts.Services);
        _standalone.Services.GetRequiredService<ILoggerFactory>().AddProvider(new FakeLoggerProvider(Logs[HostingMode.Forwarding]));
        await _standalone.StartAsync().WaitAsync(Timeout);
        _clients[HostingMode.Forwarding] = CreateClient(Addresses(_standalone)[0]);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        foreach (var app in new[] { _standalone, _server })
        {
            if (app is not null)
            {
                await app.StopAsync().WaitAsync(Timeout);
                await app.DisposeAsync();
            }
        }
    }

    private static Uri[] Addresses(WebApplication app) =>
        [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a))];

    private static HttpClient CreateClient(Uri address) => new() { BaseAddress = address, Timeout = Timeout };
}
