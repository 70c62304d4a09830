using System.Net;
using JourneyGrpc.Gateway;
using JourneyGrpc.Server.Hosting.Grpc;
using JourneyGrpc.Server.Journey;
using JourneyGrpc.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Bench.WritePath;

/// <summary>
/// The journey service as the server hosts it: gRPC (h2c) on one loopback port, the in-process REST
/// gateway (HTTP/1.1) on another, the chosen store in a bench folder, wrapped in <see cref="CountingStore"/>.
/// </summary>
internal sealed class WriteHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WriteHost(WebApplication app, Uri grpc, Uri rest, CountingStore store)
    {
        _app = app;
        Grpc = grpc;
        Rest = rest;
        Store = store;
    }

    internal Uri Grpc { get; }

    internal Uri Rest { get; }

    internal CountingStore Store { get; }

    internal static async Task<WriteHost> StartAsync(IReadOnlyDictionary<string, string?> storeSettings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(storeSettings);
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

        // Registered before AddJourneyStore, whose IJourneyStore is a TryAdd: the services see the counting store.
        builder.Services.AddSingleton(provider => new CountingStore(provider.GetRequiredService<JourneyStore>()));
        builder.Services.AddSingleton<IJourneyStore>(provider => provider.GetRequiredService<CountingStore>());
        builder.Services.AddGrpcServer(builder.Configuration);
        builder.Services.AddJourneyStore(builder.Configuration);
        builder.Services.AddJourneyService(builder.Configuration);
        builder.Services.AddRestGateway();
        var app = builder.Build();
        app.MapJourneyService();
        app.MapRestGateway();
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        return new WriteHost(app, addresses[0], addresses[1], app.Services.GetRequiredService<CountingStore>());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await _app.DisposeAsync();
    }
}
