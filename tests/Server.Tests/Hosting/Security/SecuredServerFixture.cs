using JourneyGrpc.Server.Tests.Hosting.Infrastructure;
using JourneyGrpc.Tests.Hosting;

namespace JourneyGrpc.Server.Tests.Hosting.Security;

/// <summary>One server with authentication on (JWT + an appkey client), gRPC and the in-process REST gateway, shared by a test class.</summary>
public sealed class SecuredServerFixture : IAsyncLifetime
{
    internal TestCredentials Credentials { get; } = new();

    internal RunningServer Server { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Server = await RunningServer.StartAsync([.. Credentials.Settings, "--Server:RestUrl=http://127.0.0.1:0"]);

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
