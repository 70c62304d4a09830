using JourneyGrpc.Gateway;
using JourneyGrpc.Server.Hosting.Grpc;
using JourneyGrpc.Server.Campaign;
using JourneyGrpc.Server.WebEngagement;
using JourneyGrpc.Server.Journey;
using JourneyGrpc.Server.StartEvent;
using JourneyGrpc.Store;
using System.Security.Cryptography.X509Certificates;
using JourneyGrpc.Server.Hosting.Security;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using JourneyGrpc.Server.Hosting.Telemetry;

namespace JourneyGrpc.Server.Hosting;

/// <summary>The composition root: services, endpoints and Kestrel.</summary>
internal static class ServerHost
{
    /// <param name="args">Configuration arguments.</param>
    /// <param name="configureServices">Runs after the server's own registrations (tests: an in-memory exporter, a log sink).</param>
    internal static WebApplication Build(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().AddCommandLine(args);
        builder.Logging.AddStructuredConsole(builder.Configuration);
        builder.Services.AddGrpcServer(builder.Configuration);

        // Opened and migrated at start-up, before the server listens; a bad Store section stops start-up.
        builder.Services.AddJourneyStore(builder.Configuration);
        builder.Services.AddJourneyService(builder.Configuration);
        builder.Services.AddCampaignStatus(builder.Configuration);
        builder.Services.AddStartEvent(builder.Configuration);
        builder.Services.AddEngagementService(builder.Configuration);
        builder.Services.AddRestGateway();
        var endpoints = builder.Configuration.GetSection(ServerEndpointOptions.SectionName).Get<ServerEndpointOptions>() ?? new ServerEndpointOptions();
        var authenticated = !(builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions()).IsDevelopment;
        var certificate = ServerCertificate.Load(endpoints);
        var grpc = ResolveGrpcEndpoint(endpoints, authenticated, certificate);
        var rest = ResolveRestEndpoint(endpoints, grpc, authenticated, certificate);
        builder.Services.AddServerTelemetry(builder.Configuration, hasRestPort: rest is not null || grpc.UseTls);

        // Cleartext HTTP/2 (h2c) only works on an HTTP/2-only endpoint: there is no ALPN without TLS.
        // REST clients need HTTP/1.1, so in cleartext REST has its own port and each port serves only its
        // own endpoints. With TLS, ALPN lets one port serve gRPC (HTTP/2) and REST (HTTP/1.1 or HTTP/2).
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(grpc.Address, grpc.Port, listen =>
            {
                if (grpc.UseTls)
                {
                    listen.Protocols = HttpProtocols.Http1AndHttp2;
                    listen.UseHttps(certificate!);
                    return;
                }

                listen.Protocols = HttpProtocols.Http2;
                listen.ExcludeRestGateway();
            });
            if (rest is not null)
            {
                kestrel.Listen(rest.Address, rest.Port, listen =>
                {
                    listen.Protocols = rest.UseTls ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http1;
                    if (rest.UseTls)
                    {
                        listen.UseHttps(certificate!);
                    }

                    listen.UseRestGatewayOnly();
                });
            }
        });

        // Kestrel's own settings (Kestrel:Limits:*, e.g. Kestrel:Limits:Http2:MaxStreamsPerConnection), bound
        // as WebApplication.CreateBuilder binds them; the slim builder leaves them at their defaults.
        builder.Services.Configure<KestrelServerOptions>(builder.Configuration.GetSection("Kestrel"));

        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapTelemetry();
        app.MapJourneyService();
        app.MapCampaignStatus();
        app.MapStartEvent();
        app.MapEngagementService();
        app.MapGrpcInfrastructure();

        // Last: the gateway exposes, in-process, the google.api.http routes of every service mapped above.
        if (rest is not null || grpc.UseTls)
        {
            app.MapRestGateway();
        }

        return app;
    }

    private static ListenEndpoint ResolveGrpcEndpoint(ServerEndpointOptions options, bool authenticated, X509Certificate2? certificate) =>
        ResolveEndpoint($"{ServerEndpointOptions.SectionName}:{nameof(ServerEndpointOptions.GrpcUrl)}", options.GrpcUrl, authenticated, certificate);

    /// <summary>The REST gateway's own endpoint; null when Server:RestUrl is empty (REST off, or on the TLS gRPC port only).</summary>
    private static ListenEndpoint? ResolveRestEndpoint(ServerEndpointOptions options, ListenEndpoint grpc, bool authenticated, X509Certificate2? certificate)
    {
        const string Key = $"{ServerEndpointOptions.SectionName}:{nameof(ServerEndpointOptions.RestUrl)}";
        if (string.IsNullOrEmpty(options.RestUrl))
        {
            return null;
        }

        var rest = ResolveEndpoint(Key, options.RestUrl, authenticated, certificate);
        if (rest.Port != 0 && rest.Port == grpc.Port)
        {
            throw new InvalidOperationException(grpc.UseTls
                ? $"{Key} '{options.RestUrl}' uses the gRPC port, which already serves REST over TLS; leave {Key} empty."
                : $"{Key} '{options.RestUrl}' uses the gRPC port; REST (HTTP/1.1) and cleartext gRPC (HTTP/2 only) need separate ports.");
        }

        return rest;
    }

    /// <summary>Parses a listen URL: only loopback without authentication, and https:// only with a certificate.</summary>
    private static ListenEndpoint ResolveEndpoint(string key, string url, bool authenticated, X509Certificate2? certificate)
    {
        var endpoint = ListenEndpoint.Parse(key, url);
        if (!endpoint.IsLoopback && !authenticated)
        {
            throw new InvalidOperationException($"{key} '{url}' is not a loopback address; binding elsewhere requires authentication (Auth:Jwt or Auth:ApiKeys), which is not configured.");
        }

        if (endpoint.UseTls && certificate is null)
        {
            throw new InvalidOperationException($"{key} '{url}': TLS needs a certificate (Server:CertificatePath), which is not configured.");
        }

        return endpoint;
    }
}
