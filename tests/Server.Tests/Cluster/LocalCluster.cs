using JourneyGrpc.Store.Tests.Infrastructure;

namespace JourneyGrpc.Server.Tests.Cluster;

/// <summary>
/// What scripts/cluster.sh starts, as child processes of the test: a throwaway PostgreSQL, replicas of
/// src/Server on it (gRPC on OS-chosen loopback ports, REST off) and the standalone gateway
/// (src/Gateway.Host) round-robin over them. Replicas log each request start (Hosting.Diagnostics), so a
/// test can tell which replica took a call.
/// </summary>
internal sealed class LocalCluster : IAsyncDisposable
{
    private const string ServerAssembly = "JourneyGrpc.Server.dll";
    private const string GatewayAssembly = "JourneyGrpc.Gateway.Host.dll";
    private readonly PostgresCluster _postgres;
    private readonly List<HostProcess> _processes = [];

    private LocalCluster(PostgresCluster postgres)
    {
        _postgres = postgres;
    }

    internal IReadOnlyList<HostProcess> Replicas { get; private set; } = [];

    internal HttpClient Gateway { get; private set; } = null!;

    internal static async Task<LocalCluster> StartAsync(int replicas)
    {
        var cluster = new LocalCluster(await PostgresCluster.StartAsync().WaitAsync(TimeSpan.FromMinutes(2)));
        try
        {
            var connectionString = await cluster._postgres.CreateDatabaseAsync("cluster").WaitAsync(HostProcess.Timeout);
            string[] arguments =
            [
                "--Server:GrpcUrl=http://127.0.0.1:0", "--Server:RestUrl=",
                "--Store:Provider=postgres", "--Store:PostgresConnectionString=" + connectionString,
                "--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=Information",
            ];

            // The first replica creates the schema; the others open it.
            var started = new List<HostProcess>();
            for (var i = 0; i < replicas; i++)
            {
                started.Add(cluster.Add(HostProcess.Start(ServerAssembly, arguments)));
                if (i == 0)
                {
                    await started[0].WaitForLineAsync(ConsoleLogAssert.IsStartedLine);
                }
            }

            await Task.WhenAll(started.Skip(1).Select(r => r.WaitForLineAsync(ConsoleLogAssert.IsStartedLine)));
            cluster.Replicas = started;
            var upstreams = started.SelectMany(r => new[] { "--upstream", ConsoleLogAssert.ListeningAddresses(ConsoleLogAssert.JsonLines(r.Lines))[0].ToString() });
            var gateway = cluster.Add(HostProcess.Start(GatewayAssembly, [.. upstreams, "--listen", "http://127.0.0.1:0"]));
            await gateway.WaitForLineAsync(ConsoleLogAssert.IsStartedLine);
            cluster.Gateway = new HttpClient
            {
                BaseAddress = ConsoleLogAssert.ListeningAddresses(ConsoleLogAssert.JsonLines(gateway.Lines)).Single(),
                Timeout = HostProcess.Timeout,
            };
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Completes with the index of the first replica that logs the start of a request to <paramref name="method"/>.</summary>
    internal async Task<int> FirstReplicaCalledAsync(string method)
    {
        var waits = Replicas.Select(r => r.WaitForLineAsync(line => line.Contains("Request starting", StringComparison.Ordinal) && line.Contains(method, StringComparison.Ordinal))).ToList();
        var first = await Task.WhenAny(waits).WaitAsync(HostProcess.Timeout);
        await first;
        return waits.IndexOf(first);
    }

    public async ValueTask DisposeAsync()
    {
        Gateway?.Dispose();
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        await _postgres.DisposeAsync();
    }

    private HostProcess Add(HostProcess process)
    {
        _processes.Add(process);
        return process;
    }
}
