using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using JourneyGrpc.Gateway.Host;
using JourneyGrpc.Gateway.Internal.InProcess;
using JourneyGrpc.Gateway.TestService.InProcess.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Gateway.Tests.Infrastructure;

/// <summary>
/// <see cref="ProbeService"/> hosted as src/Server hosts services: gRPC (h2c) and the in-process REST
/// gateway on two loopback ports, two global interceptors (<c>global-1</c> outermost, <c>global-2</c>)
/// and one of the service's own (<c>service</c>); optionally the standalone gateway forwarding to the
/// gRPC port, for comparing a REST call in-process with the same call over gRPC.
/// </summary>
internal sealed class ProbeHost : IAsyncDisposable
{
    internal static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private WebApplication? _forwarding;
    private bool _started;

    private ProbeHost(WebApplication app)
    {
        App = app;
    }

    internal WebApplication App { get; }

    internal CallProbe Probe => App.Services.GetRequiredService<CallProbe>();

    internal InProcessServices InProcessServices => App.Services.GetRequiredService<InProcessServices>();

    /// <summary>The in-process gateway (started hosts only).</summary>
    internal HttpClient Rest { get; private set; } = null!;

    /// <summary>The standalone gateway forwarding over gRPC (started with forwarding only).</summary>
    internal HttpClient Forwarding { get; private set; } = null!;

    /// <summary>A gRPC channel to the host's h2c port (started hosts only).</summary>
    internal GrpcChannel Grpc { get; private set; } = null!;

    /// <summary>Builds the host without starting it: enough to call its handlers in-process.</summary>
    internal static ProbeHost Build(Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                listen.ExcludeRestGateway();
            });
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                listen.UseRestGatewayOnly();
            });
        });
        builder.Services.AddSingleton<CallProbe>();
        builder.Services.AddScoped<RequestScopeMarker>();
        builder.Services
            .AddGrpc(options =>
            {
                options.Interceptors.Add<RecordingInterceptor>("global-1");
                options.Interceptors.Add<RecordingInterceptor>("global-2");
            })
            .AddServiceOptions<ProbeService>(options => options.Interceptors.Add<RecordingInterceptor>("service"));
        builder.Services.AddRestGateway();
        configure?.Invoke(builder.Services);

        var app = builder.Build();
        var probe = app.Services.GetRequiredService<CallProbe>();
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            finally
            {
                if (context.Request.Headers[CallProbe.KeyHeader].ToString() is { Length: > 0 } key)
                {
                    probe.For(key).PipelineReturned.TrySetResult();
                }
            }
        });
        app.MapGrpcService<ProbeService>();
        app.MapRestGateway();
        return new ProbeHost(app);
    }

    /// <summary>Builds and starts the host on loopback, and with <paramref name="forwarding"/> a standalone gateway in front of it.</summary>
    internal static async Task<ProbeHost> StartAsync(bool forwarding = false, Action<IServiceCollection>? configure = null)
    {
        var host = Build(configure);
        await host.App.StartAsync().WaitAsync(Bound);
        host._started = true;
        var addresses = Addresses(host.App);
        host.Grpc = GrpcChannel.ForAddress(addresses[0]);
        host.Rest = new HttpClient { BaseAddress = addresses[1], Timeout = Bound };
        if (forwarding)
        {
            host._forwarding = GatewayHost.Build(
                [$"--Gateway:Upstreams:0={addresses[0]}", "--Gateway:ListenUrl=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"],
                [InProcessTestService.Descriptor]);
            await host._forwarding.StartAsync().WaitAsync(Bound);
            host.Forwarding = new HttpClient { BaseAddress = Addresses(host._forwarding)[0], Timeout = Bound };
        }

        return host;
    }

    /// <summary>Stops the host gracefully, as SIGTERM does.</summary>
    internal async Task StopAsync()
    {
        if (_started)
        {
            _started = false;
            await App.StopAsync().WaitAsync(Bound);
        }
    }

    /// <summary>The in-process invoker the gateway creates for one REST request, here for <paramref name="httpContext"/>.</summary>
    internal CallInvoker Invoker(HttpContext httpContext) => new InProcessCallInvoker(InProcessServices, httpContext);

    public async ValueTask DisposeAsync()
    {
        Rest?.Dispose();
        Forwarding?.Dispose();
        Grpc?.Dispose();
        if (_forwarding is not null)
        {
            await _forwarding.StopAsync().WaitAsync(Bound);
            await _forwarding.DisposeAsync();
        }

        await StopAsync();
        await App.DisposeAsync();
    }

    private static Uri[] Addresses(WebApplication app) =>
        [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a))];
}
