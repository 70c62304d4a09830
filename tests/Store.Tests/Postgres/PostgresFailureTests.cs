using System.Net;
using System.Net.Sockets;
using JourneyGrpc.Store.Tests.Infrastructure;

namespace JourneyGrpc.Store.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresFailureTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Open_NothingListening_FailsAsUnreachable()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var options = new JourneyStoreOptions { Provider = "postgres", PostgresConnectionString = $"Host=127.0.0.1;Port={port};Database=journeygrpc;Username=postgres;Timeout=5" };

        var error = await Assert.ThrowsAsync<StoreFailureException>(() => JourneyStore.OpenAsync(options).DefaultTimeout());

        Assert.Equal(StoreFailure.Unreachable, error.Failure);
        Assert.StartsWith($"The PostgreSQL store 127.0.0.1:{port}/journeygrpc is unreachable:", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Check Store:PostgresConnectionString and that the server is up.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_UnknownDatabase_FailsAsUnreachableNamingIt()
    {
        var options = new JourneyStoreOptions { Provider = "postgres", PostgresConnectionString = postgres.Cluster.ConnectionString("no_such_database") };

        var error = await Assert.ThrowsAsync<StoreFailureException>(() => JourneyStore.OpenAsync(options).DefaultTimeout());

        Assert.Equal(StoreFailure.Unreachable, error.Failure);
        Assert.Contains("refused the connection; check Store:PostgresConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("3D000", error.Message, StringComparison.Ordinal);
    }
}
