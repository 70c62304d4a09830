using JourneyGrpc.Gateway;
using JourneyGrpc.Server.Hosting.Grpc;
using JourneyGrpc.Server.Campaign;
using JourneyGrpc.Server.WebEngagement;
using JourneyGrpc.Server.Journey;
using JourneyGrpc.Store;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace JourneyGrpc.Server.Hosting;

/// <summary>The composition root: services, endpoints and Kestrel.</summary>
internal static class ServerHost
{
    internal static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().AddCommandLine(args);
        builder.Services.AddGrpcServer(builder.Configuration);

        // Opened and migrated at start-up, before the server listens; a bad Store section stops start-up.
        builder.Services.AddJourneyStore(builder.Configuration);
        builder.Services.AddJourneyService(builder.Configuration);
        builder.Services.AddCampaignStatus(builder.Configuration);
        builder.Services.AddEngagementService(builder.Configuration);
        builder.Services.AddRestGateway();
        var grpc = ResolveGrpcEndpoint(builder.Configuration);
        var rest = ResolveRestEndpoint(builder.Configuration, grpc);

        // Cleartext HTTP/2 (h2c) only works on an HTTP/2-only endpoint: there is no ALPN without TLS.
        // REST clients need HTTP/1.1, so REST has its own port; each port serves only its own endpoints.
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(grpc.Address, grpc.Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                listen.ExcludeRestGateway();
            });
            if (rest is not null)
            {
                kestrel.Listen(rest.Address, rest.Port, listen =>
                {
                    listen.Protocols = HttpProtocols.Http1;
                    listen.UseRestGatewayOnly();
                });
            }
        });

        // Kestrel's own settings (Kestrel:Limits:*, e.g. Kestrel:Limits:Http2:MaxStreamsPerConnection), bound
        // as WebApplication.CreateBuilder binds them; the slim builder leaves them at their defaults.
        builder.Services.Configure<KestrelServerOptions>(builder.Configuration.GetSection("Kestrel"));

        var app = builder.Build();
        app.MapJourneyService();
        app.MapCampaignStatus();
        app.MapEngagementService();
        app.MapGrpcInfrastructure();

        // Last: the gateway exposes, in-process, the google.api.http routes of every service mapped above.
        if (rest is not null)
        {
            app.MapRestGateway();
        }

        return app;
    }

    private static ListenEndpoint ResolveGrpcEndpoint(IConfiguration configuration)
    {
        const string Key = $"{ServerEndpointOptions.SectionName}:{nameof(ServerEndpointOptions.GrpcUrl)}";
        var options = configuration.GetSection(ServerEndpointOptions.SectionName).Get<ServerEndpointOptions>() ?? new ServerEndpointOptions();
        return ResolveEndpoint(Key, options.GrpcUrl);
    }

    /// <summary>The REST gateway's endpoint; null when Server:RestUrl is empty (REST off).</summary>
    private static ListenEndpoint? ResolveRestEndpoint(IConfiguration configuration, ListenEndpoint grpc)
    {
        const string Key = $"{ServerEndpointOptions.SectionName}:{nameof(ServerEndpointOptions.RestUrl)}";
        var options = configuration.GetSection(ServerEndpointOptions.SectionName).Get<ServerEndpointOptions>() ?? new ServerEndpointOptions();
        if (string.IsNullOrEmpty(options.RestUrl))
        {
            return null;
        }

        var rest = ResolveEndpoint(Key, options.RestUrl);
        if (rest.Port != 0 && rest.Port == grpc.Port)
        {
            throw new InvalidOperationException($"{Key} '{options.RestUrl}' uses the gRPC port; REST (HTTP/1.1) and cleartext gRPC (HTTP/2 only) need separate ports.");
        }

        return rest;
    }

    /// <summary>Parses a listen URL; loopback and cleartext only until bearer-token auth and certificates exist.</summary>
    private static ListenEndpoint ResolveEndpoint(string key, string url)
    {
        var endpoint = ListenEndpoint.Parse(key, url);
        if (!endpoint.IsLoopback)
        {
            throw new InvalidOperationException($"{key} '{url}' is not a loopback address; binding elsewhere requires bearer-token auth, which is not configured.");
        }

        if (endpoint.UseTls)
        {
            throw new InvalidOperationException($"{key} '{url}': TLS needs a certificate, which is not configured; use http:// on loopback.");
        }

        return endpoint;
    }
}
