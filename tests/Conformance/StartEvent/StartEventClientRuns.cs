using System.Globalization;
using JourneyGrpc.Conformance.Tests.Infrastructure;

namespace JourneyGrpc.Conformance.Tests.StartEvent;

/// <summary>
/// One run of each start-event client against a shared server, started on first use, each on a
/// tenant of its own; each test then asserts its own check's line. Full output goes to
/// .artifacts/conformance/startevent-*.txt.
/// </summary>
public sealed class StartEventClientRuns : IAsyncLifetime
{
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromMinutes(5);
    private readonly DomainConformanceServer _server = new();
    private readonly Dictionary<string, Lazy<Task<ProcessResult>>> _runs = [];

    public Task InitializeAsync()
    {
        _runs["curl"] = new(() => RunAsync(
            "startevent-curl", "bash", [Path.Combine(RepositoryPaths.ConformanceClients, "curl", "startevent_rest.sh"), _server.RestAddress.ToString().TrimEnd('/'), "conformance-curl"]));
        _runs["grpcio"] = new(() => RunAsync(
            "startevent-grpcio", "/usr/bin/python3", [Path.Combine(RepositoryPaths.ConformanceClients, "python", "startevent_reflection_client.py"), "--server_port", _server.GrpcPort.ToString(CultureInfo.InvariantCulture), "--tenant", "conformance-grpcio"]));
        return _server.InitializeAsync();
    }

    public Task DisposeAsync() => _server.DisposeAsync();

    internal Task<ProcessResult> GetAsync(string client) => _runs[client].Value;

    private static async Task<ProcessResult> RunAsync(string name, string fileName, string[] arguments)
    {
        var result = await ExternalProcess.RunAsync(fileName, arguments, RepositoryPaths.ConformanceClients, ClientTimeout);
        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Results("conformance"), name + ".txt"), result.StandardOutput + result.StandardError);
        return result;
    }
}
