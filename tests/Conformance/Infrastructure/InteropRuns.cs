namespace JourneyGrpc.Conformance.Tests.Infrastructure;

/// <summary>
/// One run of each third-party client against the shared server ("--test_case all"), started on
/// first use; each test then asserts its own case's line. The full output is kept in
/// .artifacts/conformance/ so CI shows one line per case and client.
/// </summary>
public sealed class InteropRuns : IAsyncLifetime
{
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromMinutes(5);
    private readonly ConformanceServer _server = new();
    private readonly Dictionary<string, Lazy<Task<ProcessResult>>> _runs = [];

    public Task InitializeAsync()
    {
        _runs["grpcio"] = new(() => RunAsync("grpcio", "/usr/bin/python3", [Path.Combine(RepositoryPaths.ConformanceClients, "python", "interop_client.py"), "--server_port", Port, "--test_case", "all"]));
        _runs["grpc-js"] = new(() => RunAsync("grpc-js", "node", [Path.Combine(RepositoryPaths.ConformanceClients, "node", "interop_client.js"), "--server_port", Port, "--test_case", "all"]));
        _runs["buf-curl"] = new(() => RunAsync("buf-curl", "bash", [Path.Combine(RepositoryPaths.ConformanceClients, "buf", "reflection_check.sh"), _server.Target]));
        return _server.InitializeAsync();
    }

    public Task DisposeAsync() => _server.DisposeAsync();

    internal Task<ProcessResult> GetAsync(string client) => _runs[client].Value;

    private string Port => _server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<ProcessResult> RunAsync(string name, string fileName, string[] arguments)
    {
        var result = await ExternalProcess.RunAsync(fileName, arguments, RepositoryPaths.ConformanceClients, ClientTimeout);
        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Results("conformance"), name + ".txt"), result.StandardOutput + result.StandardError);
        return result;
    }
}
