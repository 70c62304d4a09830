using System.Net;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace JourneyGrpc.Gateway.Host;

/// <summary>The standalone gateway's composition root: forwarding options, one HTTP/1.1 listener, the routes.</summary>
internal static class GatewayHost
{
    internal const string ListenUrlKey = "Gateway:ListenUrl";
    internal const string DefaultListenUrl = "http://127.0.0.1:8080";

    /// <param name="args">Configuration arguments (<c>--Gateway:Upstreams:0=http://…</c>).</param>
    /// <param name="services">The services to expose; by default every service compiled into JourneyGrpc.Contracts.</param>
    internal static WebApplication Build(string[] args, IEnumerable<ServiceDescriptor>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().AddCommandLine(args);
        builder.Logging.AddStructuredConsole(builder.Configuration);
        var (address, port) = ResolveListenEndpoint(builder.Configuration[ListenUrlKey] ?? DefaultListenUrl);
        if (builder.Configuration.GetSection($"{RestGatewayOptions.SectionName}:{nameof(RestGatewayOptions.Upstreams)}").GetChildren().All(c => string.IsNullOrEmpty(c.Value)))
        {
            throw new InvalidOperationException("The standalone gateway needs at least one upstream: --upstream http://host:port.");
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, port, listen => listen.Protocols = HttpProtocols.Http1));
        builder.Services.AddRestGateway(options =>
        {
            foreach (var service in services ?? ContractsDescriptors.Services())
            {
                options.Services.Add(service);
            }
        });

        // Its spans (REST request -> forwarded gRPC call -> HTTP/2 request) pass a W3C traceparent to the upstream.
        builder.Services.AddTelemetry(builder.Configuration, "journeygrpc-gateway");

        var app = builder.Build();
        app.MapTelemetry();
        app.MapRestGateway();
        return app;
    }

    private static (IPAddress Address, int Port) ResolveListenEndpoint(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != "http" || uri.AbsolutePath != "/")
        {
            throw new InvalidOperationException($"{ListenUrlKey} '{url}' is not an http:// URL without a path.");
        }

        var address = uri.Host == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(uri.IdnHost, out var parsed) ? parsed : null;
        if (address is null || !IPAddress.IsLoopback(address))
        {
            throw new InvalidOperationException($"{ListenUrlKey} '{url}' is not a loopback address; binding elsewhere requires bearer-token auth, which is not configured.");
        }

        return (address, uri.Port);
    }
}
