using System.Globalization;
using JourneyGrpc.Conformance.Tests.Infrastructure;
using JourneyGrpc.Gateway.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyGrpc.Conformance.Tests.StartEvent;

/// <summary>
/// One run of each start-event client against a shared server, started on first use, each on a
/// tenant of its own (curl twice: through the server's in-process gateway and through the
/// standalone gateway host forwarding to it); each test then asserts its own check's line. Full output goes to
/// .artifacts/conformance/startevent-*.txt.
/// </summary>
public sealed class StartEventClientRuns : IAsyncLifetime
{
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromMinutes(5);
    private readonly DomainConformanceServer _server = new();
    private readonly Dictionary<string, Lazy<Task<ProcessResult>>> _runs = [];
    private WebApplication? _standalone;

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        _standalone = GatewayHost.Build([$"--Gateway:Upstreams:0=http://127.0.0.1:{Port}", "--Gateway:ListenUrl=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        await _standalone.StartAsync().WaitAsync(ClientTimeout);
        var standalone = _standalone.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        _runs["curl"] = new(() => RunAsync(
            "startevent-curl", "bash", [Path.Combine(RepositoryPaths.ConformanceClients, "curl", "startevent_rest.sh"), _server.RestAddress.ToString().TrimEnd('/'), "conformance-curl"]));
        _runs["curl-standalone"] = new(() => RunAsync(
            "startevent-curl-standalone", "bash", [Path.Combine(RepositoryPaths.ConformanceClients, "curl", "startevent_rest.sh"), standalone, "conformance-curl-standalone"]));
        _runs["grpcio"] = new(() => RunAsync(
            "startevent-grpcio", "/usr/bin/python3", [Path.Combine(RepositoryPaths.ConformanceClients, "python", "startevent_reflection_client.py"), "--server_port", Port, "--tenant", "conformance-grpcio"]));
    }

    public async Task DisposeAsync()
    {
        if (_standalone is not null)
        {
            await _standalone.StopAsync().WaitAsync(ClientTimeout);
            await _standalone.DisposeAsync();
        }

        await _server.DisposeAsync();
    }

    internal Task<ProcessResult> GetAsync(string client) => _runs[client].Value;

    private string Port => _server.GrpcPort.ToString(CultureInfo.InvariantCulture);

    private static async Task<ProcessResult> RunAsync(string name, string fileName, string[] arguments)
    {
        var result = await ExternalProcess.RunAsync(fileName, arguments, RepositoryPaths.ConformanceClients, ClientTimeout);
        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Results("conformance"), name + ".txt"), result.StandardOutput + result.StandardError);
        return result;
    }
}
