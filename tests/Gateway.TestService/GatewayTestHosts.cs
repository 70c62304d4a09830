using System.Net;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Gateway.TestService;

/// <summary>
/// Hosts of the test services on loopback ports chosen by the OS, shaped like src/Server: gRPC
/// (h2c) on one listener, the in-process REST gateway (HTTP/1.1) on another, kept apart.
/// </summary>
public static class GatewayTestHosts
{
    /// <summary>Builds, but does not start, the gRPC + in-process gateway host.</summary>
    public static WebApplication BuildInProcess(Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
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
        builder.Services.AddGrpc(options => options.EnableDetailedErrors = true);
        builder.Services.AddGrpcHealthChecks();
        builder.Services.AddRestGateway();
        var app = builder.Build();
        MapTestServices(app);
        app.MapGrpcHealthChecksService();
        app.MapRestGateway();
        return app;
    }

    /// <summary>Maps the three test services.</summary>
    public static void MapTestServices(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGrpcService<TranscodingTestServiceImpl>();
        app.MapGrpcService<LegacyJourneyTestServiceImpl>();
        app.MapGrpcService<LegacyGenesysTestServiceImpl>();
    }

    /// <summary>The descriptors of the test services, for a forwarding gateway.</summary>
    public static IEnumerable<Google.Protobuf.Reflection.ServiceDescriptor> Services =>
    [
        V1.TranscodingTestService.Descriptor,
        V1.LegacyJourneyTestService.Descriptor,
        V1.LegacyGenesysTestService.Descriptor,
    ];
}
