using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace JourneyGrpc.Bench.EchoServer;

/// <summary>
/// The host every unary echo peer runs on (bench/EchoServer, bench/peers/GrpcAspNetCore, bench/peers/RawKestrel,
/// which link this file), so that they differ only by what serves the call: <c>CreateSlimBuilder</c>, logging
/// providers cleared, no <c>Server</c> header, every endpoint HTTP/2-only (h2c works only there).
/// </summary>
internal static class EchoHost
{
    internal static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2);
        });
        return builder;
    }
}
