using System.Net;
using Grpc.Net.Client;
using JourneyGrpc.Journey.V1;
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

namespace JourneyGrpc.Bench.JourneyScale;

/// <summary>The journey service as the server hosts it (h2c on a loopback port; a SQLite or LiteDB store in a temp folder, or a PostgreSQL database) plus a typed client.</summary>
internal sealed class JourneyHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly GrpcChannel _channel;

    private JourneyHost(WebApplication app, GrpcChannel channel, string databasePath)
    {
        _app = app;
        _channel = channel;
        DatabasePath = databasePath;
        Client = new JourneyService.JourneyServiceClient(channel.CreateCallInvoker());
    }

    internal JourneyService.JourneyServiceClient Client { get; }

    internal string DatabasePath { get; }

    internal static async Task<JourneyHost> StartAsync(string directory, string provider, string? postgresConnectionString)
    {
        var databasePath = Path.Combine(directory, provider == "litedb" ? "journey-scale.litedb" : "journey-scale.db");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Provider"] = provider,
            ["Store:SqlitePath"] = databasePath,
            ["Store:LiteDbPath"] = databasePath,
            ["Store:PostgresConnectionString"] = postgresConnectionString,
        });
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpcServer(builder.Configuration);
        builder.Services.AddJourneyStore(builder.Configuration);
        builder.Services.AddJourneyService(builder.Configuration);
        var app = builder.Build();
        app.MapJourneyService();
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new JourneyHost(app, GrpcChannel.ForAddress(address), databasePath);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await _app.DisposeAsync();
    }
}
