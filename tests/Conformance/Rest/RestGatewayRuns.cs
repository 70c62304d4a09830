using JourneyGrpc.Conformance.Tests.Infrastructure;
using JourneyGrpc.Gateway.TestService;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyGrpc.Conformance.Tests.Rest;

/// <summary>
/// A live host of the gateway's test services (gRPC on one loopback port, the in-process REST
/// gateway on another) and one run of the curl script against the REST port, started on first use.
/// The output is kept in .artifacts/conformance/curl-rest.txt.
/// </summary>
public sealed class RestGatewayRuns : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private WebApplication? _app;
    private Lazy<Task<ProcessResult>>? _run;

    public async Task InitializeAsync()
    {
        _app = GatewayTestHosts.BuildInProcess();
        await _app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var rest = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ElementAt(1);
        _run = new(() => RunAsync(rest));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
            await _app.DisposeAsync();
        }
    }

    internal Task<ProcessResult> GetAsync() => _run!.Value;

    private static async Task<ProcessResult> RunAsync(string baseUrl)
    {
        var result = await ExternalProcess.RunAsync("bash", [Path.Combine(RepositoryPaths.ConformanceClients, "curl", "rest_check.sh"), baseUrl], RepositoryPaths.ConformanceClients, Timeout);
        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Results("conformance"), "curl-rest.txt"), result.StandardOutput + result.StandardError);
        return result;
    }
}
