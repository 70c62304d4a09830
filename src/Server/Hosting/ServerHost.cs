using JourneyGrpc.Rpc;
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
        builder.Services.AddRpc();

        // Opened and migrated at start-up, before the server listens; a bad Store section stops start-up.
        builder.Services.AddJourneyStore(builder.Configuration);
        var grpc = ResolveGrpcEndpoint(builder.Configuration);

        // Cleartext HTTP/2 (h2c) only works on an HTTP/2-only endpoint: there is no ALPN without TLS.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(grpc.Address, grpc.Port, listen => listen.Protocols = HttpProtocols.Http2));

        var app = builder.Build();
        app.MapRpcHealthService();
        app.MapRpcReflectionService();
        return app;
    }

    private static ListenEndpoint ResolveGrpcEndpoint(IConfiguration configuration)
    {
        const string Key = $"{ServerEndpointOptions.SectionName}:{nameof(ServerEndpointOptions.GrpcUrl)}";
        var options = configuration.GetSection(ServerEndpointOptions.SectionName).Get<ServerEndpointOptions>() ?? new ServerEndpointOptions();
        var grpc = ListenEndpoint.Parse(Key, options.GrpcUrl);
        if (!grpc.IsLoopback)
        {
            throw new InvalidOperationException($"{Key} '{options.GrpcUrl}' is not a loopback address; binding elsewhere requires bearer-token auth, which is not configured.");
        }

        if (grpc.UseTls)
        {
            throw new InvalidOperationException($"{Key} '{options.GrpcUrl}': TLS needs a certificate, which is not configured; use http:// on loopback.");
        }

        return grpc;
    }
}
