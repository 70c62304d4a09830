using System.Globalization;
using JourneyGrpc.Conformance.Tests.Infrastructure;

namespace JourneyGrpc.Conformance.Tests.Engagement;

/// <summary>
/// One run of each engagement client against the shared server, started on first use; each test then
/// asserts its own step's line. Full output goes to .artifacts/conformance/engagement-*.txt.
/// </summary>
public sealed class EngagementClientRuns : IAsyncLifetime
{
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromMinutes(5);
    private readonly DomainConformanceServer _server = new();
    private readonly Dictionary<string, Lazy<Task<ProcessResult>>> _runs = [];

    public Task InitializeAsync()
    {
        _runs["grpcio"] = new(() => RunAsync(
            "engagement-grpcio",
            "/usr/bin/python3",
            [Path.Combine(RepositoryPaths.ConformanceClients, "python", "engagement_reflection_client.py"), "--server_port", _server.GrpcPort.ToString(CultureInfo.InvariantCulture)]));
        _runs["curl"] = new(() => RunAsync(
            "engagement-curl",
            "bash",
            [Path.Combine(RepositoryPaths.ConformanceClients, "curl", "engagement_rest.sh"), _server.RestAddress.ToString().TrimEnd('/')]));
        return _server.InitializeAsync();
    }

    public Task DisposeAsync() => _server.DisposeAsync();

    internal Task<ProcessResult> GetAsync(string client) => _runs[client].Value;

    /// <summary>A typed client (Grpc.Net.Client + the generated EngagementServiceClient) on the shared server.</summary>
    internal Uri GrpcAddress => new($"http://127.0.0.1:{_server.GrpcPort.ToString(CultureInfo.InvariantCulture)}");

    private static async Task<ProcessResult> RunAsync(string name, string fileName, string[] arguments)
    {
        var result = await ExternalProcess.RunAsync(fileName, arguments, RepositoryPaths.ConformanceClients, ClientTimeout);
        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Results("conformance"), name + ".txt"), result.StandardOutput + result.StandardError);
        return result;
    }
}
