using Grpc.Core;
using JourneyGrpc.Journey.V1;
using JourneyGrpc.Server.Hosting.Security;
using JourneyGrpc.Server.Tests.Hosting.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyGrpc.Server.Tests.Hosting.Security;

/// <summary>
/// Development mode (no keys configured, loopback only): callers without credentials are a developer with every
/// role; credentials that are sent are still checked, against this process's own development key.
/// </summary>
public sealed class DevelopmentModeTests
{
    [Fact]
    public async Task Call_DevelopmentTokenWithoutTheRole_PermissionDenied()
    {
        await using var server = await RunningServer.StartAsync();
        var key = server.Services.GetRequiredService<DevelopmentSigningKey>();
        var client = new JourneyService.JourneyServiceClient(server.Channel);
        var token = key.CreateToken("roles", "account", ["GWE"], "*");

        var error = await Assert.ThrowsAsync<RpcException>(() => client.ListIdentifierTypesAsync(
            new ListIdentifierTypesRequest { AccountId = "ABCDEF" }, new Metadata { { "authorization", $"Bearer {token}" } }, DateTime.UtcNow.AddSeconds(30)).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, "journeygrpc.journey.v1.JourneyService.ListIdentifierTypes needs one of the roles Account Administrator."), (error.StatusCode, error.Status.Detail));
    }

    [Fact]
    public async Task Call_GarbageToken_UnauthenticatedEvenInDevelopment()
    {
        await using var server = await RunningServer.StartAsync();
        var client = new JourneyService.JourneyServiceClient(server.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.ListIdentifierTypesAsync(
            new ListIdentifierTypesRequest { AccountId = "ABCDEF" }, new Metadata { { "authorization", "Bearer not.a.token" } }, DateTime.UtcNow.AddSeconds(30)).ResponseAsync);

        Assert.Equal((StatusCode.Unauthenticated, "The bearer token is malformed."), (error.StatusCode, error.Status.Detail));
    }

    [Fact]
    public async Task Call_NoCredentials_DeveloperServed()
    {
        await using var server = await RunningServer.StartAsync();
        var client = new JourneyService.JourneyServiceClient(server.Channel);

        var response = await client.ListIdentifierTypesAsync(new ListIdentifierTypesRequest { AccountId = "ABCDEF" }, deadline: DateTime.UtcNow.AddSeconds(30));

        Assert.NotNull(response);
    }
}
