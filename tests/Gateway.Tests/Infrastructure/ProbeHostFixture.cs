namespace JourneyGrpc.Gateway.Tests.Infrastructure;

/// <summary>One started <see cref="ProbeHost"/>, with the forwarding gateway, shared by a test class.</summary>
public sealed class ProbeHostFixture : IAsyncLifetime
{
    private ProbeHost? _host;

    internal ProbeHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() => _host = await ProbeHost.StartAsync(forwarding: true);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
