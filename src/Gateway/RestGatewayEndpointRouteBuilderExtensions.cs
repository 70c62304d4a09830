using JourneyGrpc.Gateway.Internal;
using JourneyGrpc.Gateway.Internal.Backends;
using JourneyGrpc.Gateway.Internal.InProcess;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Gateway;

/// <summary>Maps the REST gateway onto endpoint routing.</summary>
public static class RestGatewayEndpointRouteBuilderExtensions
{
    private const string LoggerCategory = "JourneyGrpc.Gateway";

    /// <summary>
    /// Builds every REST route from the services' <c>google.api.http</c> rules (now: a bad rule
    /// throws, naming the method) and maps them, plus <c>GET /openapi.json</c>. In-process, call it
    /// after the <c>MapGrpcService</c> calls whose services it should expose. Explicit endpoints
    /// take precedence over gateway routes.
    /// </summary>
    public static IEndpointConventionBuilder MapRestGateway(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var options = services.GetRequiredService<IOptions<RestGatewayOptions>>().Value;
        var backend = CreateBackend(services, options);
        var gateway = new RestGatewayBuilder(backend, options, services.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerCategory)).Build();

        var routes = endpoints.Map(RoutePatternFactory.Parse("/{**path}"), gateway.HandleAsync)
            .WithDisplayName("REST gateway")
            .WithMetadata(RestGatewayEndpointMetadata.Instance);
        routes.Add(static builder => ((RouteEndpointBuilder)builder).Order = int.MaxValue - 1);
        var openApi = endpoints.MapGet(RestGateway.OpenApiPath, gateway.WriteOpenApiAsync)
            .WithDisplayName("REST gateway - OpenAPI")
            .WithMetadata(RestGatewayEndpointMetadata.Instance);
        return new CompositeEndpointConventionBuilder([routes, openApi]);
    }

    private static IGatewayBackend CreateBackend(IServiceProvider services, RestGatewayOptions options)
    {
        if (options.Upstreams.Count == 0)
        {
            var inProcess = services.GetRequiredService<InProcessServices>();
            if (inProcess.Services.Count == 0)
            {
                throw new InvalidOperationException("The REST gateway has no upstream (Gateway:Upstreams) and no in-process services: call services.AddGrpc() and map services with MapGrpcService before MapRestGateway.");
            }

            return new InProcessBackend(inProcess);
        }

        if (options.Services.Count == 0)
        {
            throw new InvalidOperationException("The REST gateway forwards to upstreams but RestGatewayOptions.Services names no service to expose.");
        }

        var forwarding = new ForwardingBackend([.. options.Services], options.Upstreams);
        services.GetService<IHostApplicationLifetime>()?.ApplicationStopped.Register(forwarding.Dispose);
        return forwarding;
    }
}
