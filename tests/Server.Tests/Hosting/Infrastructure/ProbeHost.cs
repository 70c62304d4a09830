using Grpc.Core;
using Grpc.Net.Client;
using JourneyGrpc.Server.Hosting.Grpc;
using JourneyGrpc.Server.Hosting.Security;
using JourneyGrpc.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace JourneyGrpc.Server.Tests.Hosting.Infrastructure;

/// <summary>
/// A server wired as the product's (<c>AddGrpcServer</c> with the <c>Rpc</c> section, health and reflection
/// mapped) that serves <see cref="ProbeService"/>, on real Kestrel over loopback, with a channel to it.
/// </summary>
internal sealed class ProbeHost : IAsyncDisposable
{
    private readonly LoopbackTestHost _host;
    private readonly GrpcChannel _channel;

    private ProbeHost(LoopbackTestHost host)
    {
        _host = host;
        _channel = GrpcChannel.ForAddress(host.GrpcAddress);
        Invoker = _channel.CreateCallInvoker();
    }

    internal CallInvoker Invoker { get; }

    internal Uri Address => _host.GrpcAddress;

    internal ProbeSignals Signals => _host.Services.GetRequiredService<ProbeSignals>();

    internal IHostApplicationLifetime Lifetime => _host.Services.GetRequiredService<IHostApplicationLifetime>();

    /// <summary>Starts a host; <paramref name="settings"/> are configuration keys such as <c>Rpc:EnableDetailedErrors</c>.</summary>
    internal static async Task<ProbeHost> StartAsync(IEnumerable<KeyValuePair<string, string?>>? settings = null) =>
        new(await LoopbackTestHost.StartAsync(
            "probe",
            (services, _) => services.AddSingleton<ProbeSignals>(),
            app =>
            {
                // The probe has no protobuf descriptor to read access options from: any developer may call it.
                var rules = app.Services.GetRequiredService<MethodAccessRules>();
                foreach (var method in ProbeMethods.All)
                {
                    rules.Add(method.FullName, new MethodAccessRule(method.FullName, ["Agent"], Account: null));
                }

                app.MapGrpcService<ProbeService>();
                app.MapGrpcInfrastructure();
            },
            settings: settings,
            timeout: RunningServer.Timeout));

    /// <summary>Stops the server, as SIGTERM would (once; later calls return the same task).</summary>
    internal Task StopAsync() => _host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _host.DisposeAsync();
    }
}
