using System.Net;
using JourneyGrpc.Server.Hosting.Grpc;
using JourneyGrpc.Server.StartEvent;
using JourneyGrpc.Server.Tests.Campaign.Infrastructure;
using JourneyGrpc.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.Tests.StartEvent;

public sealed class StartEventServerExtensionsTests
{
    public static TheoryData<string, string, string> InvalidSettings { get; } = new()
    {
        { "StartEvent:IdBlockSize", "0", "StartEvent:IdBlockSize 0 must be from 1 to 100000." },
        { "StartEvent:MaxWriteAttempts", "101", "StartEvent:MaxWriteAttempts 101 must be from 1 to 100." },
        { "StartEvent:DefaultTenant", "", "StartEvent:DefaultTenant '' is required." },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task MapStartEvent_InvalidSetting_BuildsThenStartFailsNamingKey(string key, string value, string message)
    {
        using var directory = new TempDirectory();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Store:SqlitePath"] = Path.Combine(directory.Path, "s.db"), [key] = value });
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddGrpcServer(builder.Configuration);
        builder.Services.AddJourneyStore(builder.Configuration);
        builder.Services.AddStartEvent(builder.Configuration);
        await using var app = builder.Build();

        app.MapStartEvent();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync().Bounded());

        Assert.Equal(message, error.Message);
    }
}
