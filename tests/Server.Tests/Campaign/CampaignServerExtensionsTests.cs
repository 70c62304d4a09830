using System.Net;
using Grpc.Core;
using JourneyGrpc.Server.Hosting.Grpc;
using JourneyGrpc.Server.Campaign;
using JourneyGrpc.Server.Tests.Campaign.Infrastructure;
using JourneyGrpc.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.Tests.Campaign;

public sealed class CampaignServerExtensionsTests
{
    public static TheoryData<string, string, string> InvalidSettings { get; } = new()
    {
        { "Store:Provider", "mysql", "Store:Provider 'mysql' is not supported; use 'sqlite', 'litedb' or 'postgres'." },
        { "CampaignStatus:WatchBufferSize", "8", "CampaignStatus:WatchBufferSize must be from 16 to 100000 (is 8)." },
        { "CampaignStatus:HeartbeatInterval", "00:00:00.01", "CampaignStatus:HeartbeatInterval must be from 00:00:00.1 to 01:00:00 (is 00:00:00.0100000)." },
        { "CampaignStatus:MaxReportsPerWrite", "0", "CampaignStatus:MaxReportsPerWrite must be from 1 to 1000 (is 0)." },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task MapCampaignStatus_InvalidSetting_BuildsThenStartFailsNamingKey(string key, string value, string message)
    {
        using var directory = new TempDirectory();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Store:SqlitePath"] = Path.Combine(directory.Path, "c.db"), [key] = value });
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddGrpcServer(builder.Configuration);
        builder.Services.AddJourneyStore(builder.Configuration);
        builder.Services.AddCampaignStatus(builder.Configuration);
        await using var app = builder.Build();

        app.MapCampaignStatus();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync().Bounded());

        Assert.Equal(message, error.Message);
    }
}
