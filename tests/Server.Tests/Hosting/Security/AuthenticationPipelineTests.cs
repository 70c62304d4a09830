using System.Net;
using Grpc.Health.V1;
using JourneyGrpc.Server.Tests.Hosting.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace JourneyGrpc.Server.Tests.Hosting.Security;

/// <summary>
/// Callers are authenticated on demand by the call admission (CallPolicyInterceptor); ASP.NET Core's authentication middleware, which
/// WebApplication would add to every request because authentication is registered, stays out of the pipeline.
/// </summary>
public sealed class AuthenticationPipelineTests
{
    [Fact]
    public async Task Requests_GrpcAndRest_DoNotRunTheAuthenticationMiddleware()
    {
        var probe = new AuthenticationFeatureProbe();
        await using var server = await RunningServer.StartAsync(services => services.AddSingleton<IStartupFilter>(probe), "--Server:RestUrl=http://127.0.0.1:0");

        var health = await new Health.HealthClient(server.Channel).CheckAsync(new HealthCheckRequest());
        using var http = new HttpClient { BaseAddress = server.RestAddress };
        using var rest = await http.GetAsync(new Uri("/openapi.json", UriKind.Relative));

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Equal(HttpStatusCode.OK, rest.StatusCode);
        var requests = probe.Requests.ToList();
        Assert.Contains(requests, request => request.Path == "/grpc.health.v1.Health/Check");
        Assert.Contains(requests, request => request.Path == "/openapi.json");
        Assert.All(requests, request => Assert.False(request.MiddlewareRan, $"{request.Path} ran the authentication middleware."));
    }
}
