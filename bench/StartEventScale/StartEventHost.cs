using System.Net;
using Grpc.Net.Client;
using JourneyGrpc.Server.Hosting.Grpc;
using JourneyGrpc.Server.StartEvent;
using JourneyGrpc.StartEvent.V1;
using JourneyGrpc.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Bench.StartEventScale;

/// <summary>The start-event service as the server hosts it (h2c on a loopback port, SQLite store in a temp folder) plus a typed client.</summary>
internal sealed class StartEventHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly GrpcChannel _channel;

    private StartEventHost(WebApplication app, GrpcChannel channel, string databasePath)
    {
        _app = app;
        _channel = channel;
        DatabasePath = databasePath;
        Client = new StartEventService.StartEventServiceClient(channel.CreateCallInvoker());
    }

    internal StartEventService.StartEventServiceClient Client { get; }

    internal string DatabasePath { get; }

    internal static async Task<StartEventHost> StartAsync(string directory)
    {
        var databasePath = Path.Combine(directory, "startevent-scale.db");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Provider"] = "sqlite",
            ["Store:SqlitePath"] = databasePath,
        });
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpcServer(builder.Configuration);
        builder.Services.AddJourneyStore(builder.Configuration);
        builder.Services.AddStartEvent(builder.Configuration);
        var app = builder.Build();
        app.MapStartEvent();
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new StartEventHost(app, GrpcChannel.ForAddress(address), databasePath);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await _app.DisposeAsync();
    }
}
