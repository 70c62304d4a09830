using System.Net;
using JourneyGrpc.Gateway;
using JourneyGrpc.Server.Tests.Campaign.Infrastructure;
using JourneyGrpc.Server.Tests.WebEngagement.Infrastructure;
using JourneyGrpc.WebEngagement.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Server.Tests.WebEngagement.Functional;

/// <summary>
/// The legacy URLs through a gateway of its own that forwards over gRPC (Grpc.Net.Client), as the
/// standalone host (src/Gateway.Host) runs it: the project options (form field, 204, 409, 400 for NOT_FOUND)
/// come from the descriptors there too.
/// </summary>
public sealed class StandaloneGatewayTests : IAsyncLifetime
{
    private EngagementTestHost _server = null!;
    private WebApplication _gateway = null!;
    private HttpClient _rest = null!;

    public async Task InitializeAsync()
    {
        _server = await EngagementTestHost.StartAsync(new Dictionary<string, string?> { ["Engagement:DefaultDeploymentId"] = Visits.Deployment });
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1));
        builder.Services.AddRestGateway(options =>
        {
            options.Upstreams.Add(_server.GrpcAddress.ToString());
            options.Services.Add(EngagementService.Descriptor);
        });
        _gateway = builder.Build();
        _gateway.MapRestGateway();
        await _gateway.StartAsync().Bounded();
        var address = _gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _rest = new HttpClient { BaseAddress = new Uri(address), Timeout = TestTimeouts.Default };
    }

    public async Task DisposeAsync()
    {
        _rest.Dispose();
        await _gateway.StopAsync().Bounded();
        await _gateway.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task LegacyUrls_ForwardingGateway_SameStatusesAndBodies()
    {
        var visit = Visits.NewId();
        var (engaged, body, _) = await RestBodies.SendAsync(_rest, HttpMethod.Post, "/server/data/gateway/engage", RestBodies.Form("ixnProfile", RestBodies.Profile(visit, ""","extra":[1,"two"]""")));
        var id = (string)body!["webAction"]!["id"]!;
        var url = $"/api/v2/journey/deployments/{Visits.Deployment}/actionevent";
        string Event(string state) => $$"""{"sessionId":"{{visit}}","actionId":"{{id}}","actionState":"{{state}}"}""";
        var offered = await RestBodies.SendAsync(_rest, HttpMethod.Post, url, RestBodies.Json(Event("offered")));
        var rejected = await RestBodies.SendAsync(_rest, HttpMethod.Post, url, RestBodies.Json(Event("rejected")));
        var again = await RestBodies.SendAsync(_rest, HttpMethod.Post, url, RestBodies.Json(Event("accepted")));
        var noEngage = await RestBodies.SendAsync(_rest, HttpMethod.Post, "/server/data/gateway/noengage", RestBodies.Form("cancelData", $$"""{"visitID":"{{visit}}"}"""));

        Assert.Equal(200, engaged);
        Assert.Equal("[1,\"two\"]", body["webAction"]!["ixnProfile"]!["extra"]!.ToJsonString());
        Assert.Equal((204, null), (offered.Status, offered.Body));
        Assert.Equal((204, null), (rejected.Status, rejected.Body));
        Assert.Equal(409, again.Status);
        Assert.Equal($"Web action {id}: cannot change from REJECTED to ACCEPTED: REJECTED is terminal.", (string)again.Body!["message"]!);
        Assert.Equal(400, noEngage.Status);
        Assert.Equal(5, (int)noEngage.Body!["code"]!);
    }
}
