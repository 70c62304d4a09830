using System.Net;
using Grpc.Net.Client;
using JourneyGrpc.Gateway;
using JourneyGrpc.Server.Hosting.Grpc;
using JourneyGrpc.Server.Journey;
using JourneyGrpc.Server.WebEngagement;
using JourneyGrpc.Store;
using JourneyGrpc.WebEngagement.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Bench.EngagementLoad;

/// <summary>
/// The journey and engagement services as the server hosts them: gRPC (h2c) on one loopback port, the
/// in-process REST gateway (HTTP/1.1) on another, a SQLite store in a temp folder, the bench clock.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly GrpcChannel _channel;

    private BenchHost(WebApplication app, Uri grpc, Uri rest, string databasePath, BenchClock clock)
    {
        _app = app;
        _channel = GrpcChannel.ForAddress(grpc);
        Client = new EngagementService.EngagementServiceClient(_channel);
        Rest = rest;
        DatabasePath = databasePath;
        Clock = clock;
    }

    internal EngagementService.EngagementServiceClient Client { get; }

    internal Uri Rest { get; }

    internal string DatabasePath { get; }

    internal BenchClock Clock { get; }

    internal static async Task<BenchHost> StartAsync(string directory)
    {
        var databasePath = Path.Combine(directory, "engagement-load.db");
        var clock = new BenchClock();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Provider"] = "sqlite",
            ["Store:SqlitePath"] = databasePath,
        });
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Limits.MaxConcurrentConnections = null;
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                listen.ExcludeRestGateway();
            });
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                listen.UseRestGatewayOnly();
            });
        });
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddGrpcServer(builder.Configuration);
        builder.Services.AddJourneyStore(builder.Configuration);
        builder.Services.AddJourneyService(builder.Configuration);
        builder.Services.AddEngagementService(builder.Configuration);
        builder.Services.AddRestGateway();
        var app = builder.Build();
        app.MapJourneyService();
        app.MapEngagementService();
        app.MapRestGateway();
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        return new BenchHost(app, addresses[0], addresses[1], databasePath, clock);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await _app.DisposeAsync();
    }
}
