using System.Reflection;
using JourneyGrpc.Rpc.InProcess;
using JourneyGrpc.Rpc.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Rpc;

/// <summary>Maps gRPC services onto endpoint routing.</summary>
public static class RpcEndpointRouteBuilderExtensions
{
    private const string LoggerCategory = "JourneyGrpc.Rpc";

    /// <summary>
    /// Maps every method of <typeparamref name="TService"/> (a subclass of a generated service base).
    /// One instance serves all calls: it is resolved from DI, or created with its dependencies injected.
    /// </summary>
    public static IEndpointConventionBuilder MapRpcService<TService>(this IEndpointRouteBuilder endpoints)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var registry = services.GetService<ServiceMethodsRegistry>()
            ?? throw new InvalidOperationException("Call services.AddRpc() before mapping gRPC services.");
        var bindMethod = FindBindMethod(typeof(TService));
        var instance = ActivatorUtilities.GetServiceOrCreateInstance<TService>(services);
        var settings = CreateSettings(services);
        var binder = new EndpointServiceBinder(endpoints, registry, settings);
        try
        {
            bindMethod.Invoke(null, [binder, instance]);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw new InvalidOperationException($"Binding gRPC service {typeof(TService).Name} failed: {ex.InnerException.Message}", ex.InnerException);
        }

        // The same instance and handlers, callable in-process (e.g. by the REST gateway).
        services.GetService<InProcessRpcServices>()?.Bind(bindMethod, instance, settings);

        RpcServerLog.ServiceMapped(settings.Logger, typeof(TService).Name, binder.Endpoints.Count);
        MapUnimplemented(endpoints, registry, settings);
        return new CompositeEndpointConventionBuilder(binder.Endpoints);
    }

    private static MethodInfo FindBindMethod(Type serviceType)
    {
        var attribute = serviceType.GetCustomAttribute<BindServiceMethodAttribute>(inherit: true)
            ?? throw new InvalidOperationException($"{serviceType.Name} is not a gRPC service: it must derive from a generated service base class.");
        var baseType = serviceType;
        while (baseType is not null && !baseType.IsDefined(typeof(BindServiceMethodAttribute), inherit: false))
        {
            baseType = baseType.BaseType;
        }

        return attribute.BindType.GetMethod(attribute.BindMethodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, [typeof(ServiceBinderBase), baseType!])
            ?? throw new InvalidOperationException($"{attribute.BindType.Name}.{attribute.BindMethodName}(ServiceBinderBase, {baseType!.Name}) was not found.");
    }

    internal static ServerCallSettings CreateSettings(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<RpcServerOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerCategory);
        var lifetime = services.GetService<IHostApplicationLifetime>();
        return new ServerCallSettings(options, logger, services.GetRequiredService<TimeProvider>(), lifetime?.ApplicationStopping ?? CancellationToken.None);
    }

    private static void MapUnimplemented(IEndpointRouteBuilder endpoints, ServiceMethodsRegistry registry, ServerCallSettings settings)
    {
        if (registry.UnimplementedEndpointsMapped)
        {
            return;
        }

        registry.UnimplementedEndpointsMapped = true;
        var handler = new UnimplementedCallHandler(registry, settings.Logger);
        var pattern = RoutePatternFactory.Parse(
            "{" + UnimplementedCallHandler.ServiceRouteValue + "}/{" + UnimplementedCallHandler.MethodRouteValue + "}",
            defaults: null,
            parameterPolicies: new RouteValueDictionary { [UnimplementedCallHandler.MethodRouteValue] = new GrpcContentTypeConstraint() });
        endpoints.Map(pattern, handler.HandleAsync)
            .WithMetadata(new HttpMethodMetadata(["POST"]), UnimplementedEndpointMetadata.Instance)
            .WithDisplayName("gRPC - unimplemented")
            .Add(b => ((RouteEndpointBuilder)b).Order = int.MaxValue);
    }
}
