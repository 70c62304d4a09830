using Grpc.AspNetCore.HealthChecks;
using Grpc.AspNetCore.Server;
using Grpc.AspNetCore.Server.Model;
using JourneyGrpc.Server.Hosting.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.Hosting.Grpc;

/// <summary>The gRPC server on Grpc.AspNetCore: options from the <c>Rpc</c> section, shutdown behaviour, health and reflection.</summary>
public static class GrpcServerExtensions
{
    /// <summary>
    /// Adds Grpc.AspNetCore with <see cref="GrpcServiceOptions"/> bound from the <c>Rpc</c> section
    /// (validated at start-up), authentication and the per-method access rules (<see cref="ServerSecurityExtensions"/>),
    /// one global interceptor for stream shutdown, admission and store failures (<see cref="CallPolicyInterceptor"/>),
    /// server reflection (v1 and v1alpha) and the health service, which reports NOT_SERVING once the server begins to
    /// stop.
    /// </summary>
    public static IServiceCollection AddGrpcServer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RpcOptions>()
            .Bind(configuration.GetSection(RpcOptions.SectionName))
            .Validate(o => o.MaxReceiveMessageSize is null or > 0, "Rpc:MaxReceiveMessageSize must be positive.")
            .Validate(o => o.MaxSendMessageSize is null or > 0, "Rpc:MaxSendMessageSize must be positive.")
            .Validate(o => o.ResponseCompressionAlgorithm is null or "" or "gzip", "Rpc:ResponseCompressionAlgorithm must be gzip or empty.")
            .ValidateOnStart();
        services.AddGrpc(options => options.Interceptors.Add<CallPolicyInterceptor>());
        services.AddOptions<GrpcServiceOptions>().Configure<IOptions<RpcOptions>>((grpc, rpc) =>
        {
            var value = rpc.Value;
            grpc.MaxReceiveMessageSize = value.MaxReceiveMessageSize;
            grpc.MaxSendMessageSize = value.MaxSendMessageSize;
            grpc.EnableDetailedErrors = value.EnableDetailedErrors;
            // An empty value (Rpc__ResponseCompressionAlgorithm=, --Rpc:ResponseCompressionAlgorithm=) turns
            // compression off, as an absent one does; Grpc.AspNetCore would look "" up as a provider name.
            grpc.ResponseCompressionAlgorithm = string.IsNullOrEmpty(value.ResponseCompressionAlgorithm) ? null : value.ResponseCompressionAlgorithm;
            grpc.ResponseCompressionLevel = value.ResponseCompressionLevel;
        });
        // Grpc.AspNetCore's own binder answers an undecodable request UNKNOWN "Exception was thrown by handler.";
        // this one binds the same methods with request marshallers that answer INTERNAL naming the message.
        var binders = services.Where(descriptor => descriptor.ServiceType == typeof(IServiceMethodProvider<>)
            && descriptor.ImplementationType is { Name: "BinderServiceMethodProvider`1", Namespace: "Grpc.AspNetCore.Server.Model.Internal" }).ToList();
        if (binders.Count == 0 && !services.Any(descriptor => descriptor.ImplementationType == typeof(CheckedRequestServiceMethodProvider<>)))
        {
            throw new InvalidOperationException("Grpc.AspNetCore's own service binder (BinderServiceMethodProvider) was not found to replace; check the Grpc.AspNetCore version.");
        }

        binders.ForEach(binder => services.Remove(binder));

        services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IServiceMethodProvider<>), typeof(CheckedRequestServiceMethodProvider<>)));
        services.TryAddSingleton<StreamShutdown>();
        services.TryAddSingleton<StoreFailureStatus>();
        services.TryAddSingleton<CallAdmission>();
        services.TryAddSingleton<CallPolicyInterceptor>();
        services.AddServerSecurity(configuration);
        services.AddGrpcReflection();
        services.AddGrpcHealthChecks().AddCheck<ShutdownHealthCheck>(ShutdownHealthCheck.Name);
        return services;
    }

    /// <summary>Reports <paramref name="serviceName"/> through <c>grpc.health.v1.Health</c> (SERVING until shutdown).</summary>
    public static IServiceCollection AddGrpcHealthReport(this IServiceCollection services, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Configure<GrpcHealthChecksOptions>(options => options.Services.Map(serviceName, static _ => true));
        return services;
    }

    /// <summary>
    /// Maps <c>grpc.health.v1.Health</c> and server reflection, and keeps ASP.NET Core's authentication middleware out
    /// of the request pipeline: <see cref="AddGrpcServer"/> registers authentication, for which
    /// <see cref="WebApplication"/> would add <c>UseAuthentication()</c> to every request by itself; with no default
    /// scheme it authenticates nothing, and callers are authenticated on demand by <see cref="CallAdmission"/>. Measured
    /// at ≈ 6 % of the unary echo's calls/s at 1 KiB (bench/RESULTS.md).
    /// </summary>
    public static WebApplication MapGrpcInfrastructure(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();

        // The key WebApplication checks before adding the middleware itself ("already added").
        ((IApplicationBuilder)app).Properties[AuthenticationMiddlewareSetKey] = true;
        return app;
    }

    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";
}
