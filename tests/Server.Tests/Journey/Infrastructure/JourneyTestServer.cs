using JourneyGrpc.Journey.V1;
using Grpc.Core;
using Grpc.Net.Client;
using JourneyGrpc.Server.Journey;
using JourneyGrpc.Tests.Hosting;

namespace JourneyGrpc.Server.Tests.Journey.Infrastructure;

/// <summary>
/// The journey service on real Kestrel (h2c, loopback, OS-chosen port) over a SQLite store in a
/// temporary folder, wired exactly as a host does (AddGrpcServer, AddJourneyStore, AddJourneyService,
/// MapJourneyService), with a generated typed client. One per test class; tests isolate themselves
/// by account id.
/// </summary>
public sealed class JourneyTestServer : IAsyncLifetime
{
    internal static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(20);

    private LoopbackTestHost? _host;
    private GrpcChannel? _channel;

    internal JourneyService.JourneyServiceClient Client { get; private set; } = null!;

    internal Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _host = await LoopbackTestHost.StartAsync(
            "journey",
            (services, configuration) => services.AddJourneyService(configuration),
            app => app.MapJourneyService(),
            timeout: CallTimeout);
        Address = _host.GrpcAddress;
        _channel = GrpcChannel.ForAddress(Address);
        Client = new JourneyService.JourneyServiceClient(_channel.CreateCallInvoker());
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
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
