using Microsoft.Extensions.Hosting;

namespace JourneyGrpc.Store.Internal;

/// <summary>Opens and migrates the store at host start-up, before the server listens; the container disposes it at shutdown.</summary>
internal sealed class JourneyStoreStarter(JourneyStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
