using System.Net;
using JourneyGrpc.Gateway;
using JourneyGrpc.Server.Hosting.Grpc;
using JourneyGrpc.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Tests.Hosting;

/// <summary>
/// A started test server on real Kestrel over loopback, on ports the OS chooses: a gRPC (h2c) listener
/// and, when asked, the in-process REST gateway on an HTTP/1.1 listener of its own, each serving only its
/// own endpoints as the server's do. Always wired with <c>AddGrpcServer</c> and <c>AddJourneyStore</c>, over a
/// SQLite file in a temporary folder unless the settings name a <c>Store:Provider</c>; the caller adds
/// its services and maps its endpoints. Disposing stops the server and deletes the folder.
/// </summary>
internal sealed class LoopbackTestHost : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly WebApplication _app;
    private readonly string? _directory;
    private readonly TimeSpan _timeout;
    private readonly Lazy<Task> _stopping;

    private LoopbackTestHost(WebApplication app, string? directory, TimeSpan timeout)
    {
        _app = app;
        _directory = directory;
        _timeout = timeout;
        _stopping = new(() => _app.StopAsync().WaitAsync(_timeout), LazyThreadSafetyMode.ExecutionAndPublication);

        // Kestrel reports the listeners in the order they were configured: gRPC first, then REST.
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        GrpcAddress = addresses[0];
        RestAddress = addresses.Count > 1 ? addresses[1] : null;
    }

    /// <summary>The gRPC (h2c) listener's address.</summary>
    internal Uri GrpcAddress { get; }

    /// <summary>The REST gateway's (HTTP/1.1) listener's address; null when the host has no REST gateway.</summary>
    internal Uri? RestAddress { get; }

    internal IServiceProvider Services => _app.Services;

    /// <summary>
    /// Builds and starts a host. <paramref name="name"/> names the temporary folder and its SQLite file;
    /// <paramref name="settings"/> are configuration keys (e.g. <c>CampaignStatus:HeartbeatInterval</c>);
    /// <paramref name="restGateway"/> adds the REST listener, <c>AddRestGateway</c> after
    /// <paramref name="addServices"/> and <c>MapRestGateway</c> after <paramref name="mapEndpoints"/>;
    /// <paramref name="configureLogging"/> runs after the default providers are cleared.
    /// <paramref name="timeout"/> bounds starting and stopping (30 s unless given).
    /// </summary>
    internal static async Task<LoopbackTestHost> StartAsync(
        string name,
        Action<IServiceCollection, IConfiguration> addServices,
        Action<WebApplication> mapEndpoints,
        bool restGateway = false,
        IEnumerable<KeyValuePair<string, string?>>? settings = null,
        Action<ILoggingBuilder>? configureLogging = null,
        TimeSpan? timeout = null)
    {
        var bound = timeout ?? DefaultTimeout;
        var configuration = new Dictionary<string, string?>(settings ?? []);
        string? directory = null;
        if (!configuration.ContainsKey("Store:Provider"))
        {
            directory = Directory.CreateTempSubdirectory($"journeygrpc-{name}-").FullName;
            configuration["Store:Provider"] = "sqlite";
            configuration["Store:SqlitePath"] = Path.Combine(directory, name + ".db");
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.ClearProviders();
        configureLogging?.Invoke(builder.Logging);
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                listen.ExcludeRestGateway();
            });
            if (restGateway)
            {
                kestrel.Listen(IPAddress.Loopback, 0, listen =>
                {
                    listen.Protocols = HttpProtocols.Http1;
                    listen.UseRestGatewayOnly();
                });
            }
        });
        builder.Services.AddGrpcServer(builder.Configuration);
        builder.Services.AddJourneyStore(builder.Configuration);
        addServices(builder.Services, builder.Configuration);
        if (restGateway)
        {
            builder.Services.AddRestGateway();
        }

        var app = builder.Build();
        mapEndpoints(app);

        // Last: the gateway exposes the routes of every service mapped above.
        if (restGateway)
        {
            app.MapRestGateway();
        }

        try
        {
            await app.StartAsync().WaitAsync(bound);
        }
        catch
        {
            await app.DisposeAsync().AsTask().WaitAsync(bound);
            DeleteDirectory(directory);
            throw;
        }

        return new LoopbackTestHost(app, directory, bound);
    }

    /// <summary>
    /// Stops the server as SIGTERM would (ApplicationStopping, then Kestrel's graceful shutdown), bounded by the
    /// host's timeout. Only the first call stops; later calls, and disposing, wait for that same stop.
    /// </summary>
    internal Task StopAsync() => _stopping.Value;

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync().AsTask().WaitAsync(_timeout);
        DeleteDirectory(_directory);
    }

    private static void DeleteDirectory(string? directory)
    {
        if (directory is null)
        {
            return;
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // The store may still be closing its file; the temp folder is cleaned by the OS.
        }
    }
}
