using Grpc.Net.Client;
using JourneyGrpc.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace JourneyGrpc.Server.Tests.Hosting.Infrastructure;

/// <summary>
/// The real server composition (<see cref="ServerHost.Build"/>) started on a free loopback port, over a SQLite
/// file in a temporary folder, with a channel to it; gRPC only unless the settings give <c>Server:RestUrl</c>.
/// Stopping and disposing are bounded, so a shutdown that hangs fails the test instead of the run.
/// </summary>
internal sealed class RunningServer : IAsyncDisposable
{
    internal static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly WebApplication _app;
    private readonly TempDirectory _directory;
    private readonly Lazy<Task> _stopping;

    private RunningServer(WebApplication app, TempDirectory directory)
    {
        _app = app;
        _directory = directory;
        // Kestrel reports the listeners in the order they were configured: gRPC first, then REST.
        var urls = app.Urls.Select(url => new Uri(url)).ToList();
        Address = urls[0];
        RestAddress = urls.Count > 1 ? urls[1] : null;
        Channel = GrpcChannel.ForAddress(Address);
        _stopping = new(() => _app.StopAsync().WaitAsync(Timeout), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    internal Uri Address { get; }

    /// <summary>The in-process REST gateway's listener; null unless the settings give <c>Server:RestUrl</c>.</summary>
    internal Uri? RestAddress { get; }

    internal GrpcChannel Channel { get; }

    internal IServiceProvider Services => _app.Services;

    internal IHostApplicationLifetime Lifetime => _app.Services.GetRequiredService<IHostApplicationLifetime>();

    /// <summary>Builds and starts the server; <paramref name="settings"/> are <c>--Section:Key=value</c> arguments.</summary>
    internal static Task<RunningServer> StartAsync(params string[] settings) => StartAsync(null, settings);

    /// <summary>As <see cref="StartAsync(string[])"/>, with <paramref name="configureServices"/> run after the server's registrations.</summary>
    internal static async Task<RunningServer> StartAsync(Action<IServiceCollection>? configureServices, params string[] settings)
    {
        var directory = new TempDirectory();
        WebApplication? app = null;
        try
        {
            app = ServerHost.Build(Arguments(directory, settings), configureServices);
            await app.StartAsync().WaitAsync(Timeout);
            return new RunningServer(app, directory);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync().AsTask().WaitAsync(Timeout);
            }

            directory.Dispose();
            throw;
        }
    }

    /// <summary>The server's arguments: loopback on a free port, no REST listener, a store of its own, then <paramref name="settings"/> (the last value of a key wins).</summary>
    internal static string[] Arguments(TempDirectory directory, params string[] settings) =>
    [
        "--Server:GrpcUrl=http://127.0.0.1:0",
        "--Server:RestUrl=",
        "--Logging:LogLevel:Default=Warning",
        $"--Store:SqlitePath={directory.File("store.db")}",
        .. settings,
    ];

    /// <summary>Stops the server (once; later calls return the same task), as SIGTERM would.</summary>
    internal Task StopAsync() => _stopping.Value;

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await StopAsync();
        await _app.DisposeAsync().AsTask().WaitAsync(Timeout);
        _directory.Dispose();
    }
}
