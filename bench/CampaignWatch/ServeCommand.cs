using System.Net;
using JourneyGrpc.Server.Campaign;
using JourneyGrpc.Server.Hosting.Grpc;
using JourneyGrpc.Store;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace JourneyGrpc.Bench.CampaignWatch;

/// <summary>Hosts the campaign-status service as src/Server does (AddGrpcServer, AddJourneyStore, AddCampaignStatus), h2c on loopback.</summary>
internal static class ServeCommand
{
    internal static async Task<int> RunAsync(string[] args)
    {
        var port = int.Parse(args[Array.IndexOf(args, "--port") + 1], System.Globalization.CultureInfo.InvariantCulture);
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpcServer(builder.Configuration);
        builder.Services.AddJourneyStore(builder.Configuration);
        builder.Services.AddCampaignStatus(builder.Configuration);
        var app = builder.Build();
        app.MapCampaignStatus();
        await app.RunAsync();
        return 0;
    }
}
