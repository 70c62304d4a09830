using System.Net;
using JourneyGrpc.Journey.V1;
using JourneyGrpc.Rpc;
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

namespace JourneyGrpc.Server.Tests.Journey.Infrastructure;

/// <summary>
/// The journey service on real Kestrel (h2c, loopback, OS-chosen port) over a SQLite store in a
/// temporary folder, wired exactly as a host does (AddRpc, AddJourneyStore, AddJourneyService,
/// MapJourneyService), with a generated typed client. One per test class; tests isolate themselves
/// by account id.
/// </summary>
public sealed class JourneyTestServer : IAsyncLifetime
{
    internal static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(20);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "journey-tests-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private RpcChannel? _channel;

    internal JourneyService.JourneyServiceClient Client { get; private set; } = null!;

    internal Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Provider"] = "sqlite",
            ["Store:SqlitePath"] = Path.Combine(_directory, "journey.db"),
        });
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddRpc();
        builder.Services.AddJourneyStore(builder.Configuration);
        builder.Services.AddJourneyService(builder.Configuration);
        _app = builder.Build();
        _app.MapJourneyService();
        await _app.StartAsync().WaitAsync(CallTimeout);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Address = new Uri(address);
        _channel = RpcChannel.ForAddress(Address);
        Client = new JourneyService.JourneyServiceClient(_channel.CreateCallInvoker());
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync().WaitAsync(CallTimeout);
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite file still closing; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>A fresh 6-letter account id, so tests sharing the server never see each other's data.</summary>
    internal static string NewAccountId()
    {
        const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        return System.Security.Cryptography.RandomNumberGenerator.GetString(Letters, 6);
    }

    /// <summary>Call options with a bounded deadline: no test waits for ever.</summary>
    internal static CallOptions Bounded() => new(deadline: DateTime.UtcNow.Add(CallTimeout));
}
