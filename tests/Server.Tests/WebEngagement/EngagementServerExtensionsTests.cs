using System.Net;
using JourneyGrpc.Server.Hosting.Grpc;
using JourneyGrpc.Server.Tests.Campaign.Infrastructure;
using JourneyGrpc.Server.WebEngagement;
using JourneyGrpc.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.Tests.WebEngagement;

public sealed class EngagementServerExtensionsTests
{
    public static TheoryData<string, string, string> InvalidSettings { get; } = new()
    {
        { "Engagement:engagementExpirationTime", "9", "Engagement:EngagementExpirationTime must be from 10 to 1800 seconds (is 9)." },
        { "Engagement:EngagementExpirationTime", "1801", "Engagement:EngagementExpirationTime must be from 10 to 1800 seconds (is 1801)." },
        { "Engagement:registrationFormExpirationTime", "5", "Engagement:RegistrationFormExpirationTime must be from 10 to 1800 seconds (is 5)." },
        { "Engagement:DefaultDeploymentId", "prod", "Engagement:DefaultDeploymentId must be a UUID (is 'prod')." },
        { "Engagement:PingPollIntervalMilliseconds", "0", "Engagement:PingPollIntervalMilliseconds must be -1 or from 1000 to 600000 (is 0)." },
        { "Engagement:MaxWriteAttempts", "0", "Engagement:MaxWriteAttempts must be from 1 to 20 (is 0)." },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task MapEngagementService_InvalidSetting_BuildsThenStartFailsNamingKey(string key, string value, string message)
    {
        using var directory = new TempDirectory();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Store:SqlitePath"] = Path.Combine(directory.Path, "e.db"), [key] = value });
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddGrpcServer(builder.Configuration);
        builder.Services.AddJourneyStore(builder.Configuration);
        builder.Services.AddEngagementService(builder.Configuration);
        await using var app = builder.Build();

        app.MapEngagementService();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync().Bounded());

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void EngagementOptions_Defaults_AreGweDefaults()
    {
        var options = new EngagementOptions();

        Assert.Equal((30, 120, true), (options.EngagementExpirationTime, options.RegistrationFormExpirationTime, options.StrictEngagementMode));
    }
}
