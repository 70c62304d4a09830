using System.Globalization;
using JourneyGrpc.Conformance.Tests.Infrastructure;

namespace JourneyGrpc.Conformance.Tests.Campaign;

/// <summary>
/// One run of each campaign watch client against the shared server, started on first use, each on
/// a tenant of its own; each test then asserts its own case's line. Full output goes to
/// .artifacts/conformance/campaign-*.txt.
/// </summary>
public sealed class CampaignClientRuns : IAsyncLifetime
{
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromMinutes(5);
    private readonly DomainConformanceServer _server = new();
    private readonly Dictionary<string, Lazy<Task<ProcessResult>>> _runs = [];

    public Task InitializeAsync()
    {
        _runs["grpcio"] = new(() => RunAsync(
            "campaign-grpcio", "/usr/bin/python3", [Path.Combine(RepositoryPaths.ConformanceClients, "python", "campaign_watch_client.py"), "--server_port", Port, "--tenant", "conformance-grpcio"]));
        _runs["grpc-js"] = new(() => RunAsync(
            "campaign-grpc-js", "node", [Path.Combine(RepositoryPaths.ConformanceClients, "node", "campaign_watch_client.js"), "--server_port", Port, "--tenant", "conformance-grpc-js"]));
        _runs["curl"] = new(() => RunAsync(
            "campaign-curl", "bash", [Path.Combine(RepositoryPaths.ConformanceClients, "curl", "campaign_rest.sh"), _server.RestAddress.ToString().TrimEnd('/'), "conformance-curl"]));
        return _server.InitializeAsync();
    }

    public Task DisposeAsync() => _server.DisposeAsync();

    internal Task<ProcessResult> GetAsync(string client) => _runs[client].Value;

    private string Port => _server.GrpcPort.ToString(CultureInfo.InvariantCulture);

    private static async Task<ProcessResult> RunAsync(string name, string fileName, string[] arguments)
    {
        var result = await ExternalProcess.RunAsync(fileName, arguments, RepositoryPaths.ConformanceClients, ClientTimeout);
        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Results("conformance"), name + ".txt"), result.StandardOutput + result.StandardError);
        return result;
    }
}
