using System.Reflection;
using Grpc.AspNetCore.Server;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Gateway.Internal.InProcess;

/// <summary>
/// Called by Grpc.AspNetCore for every <c>MapGrpcService&lt;TService&gt;()</c>: binds the same service
/// in-process through its generated <c>BindService</c>, with the service activator and the global and
/// per-service interceptors Grpc.AspNetCore uses for it. It adds no endpoint of its own.
/// </summary>
internal sealed class InProcessServiceMethodProvider<TService>(InProcessServices services, IServiceProvider provider) : IServiceMethodProvider<TService>
    where TService : class
{
    private const string LoggerCategory = "JourneyGrpc.Gateway";

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        if (FindBindMethod() is not { } bind)
        {
            return;
        }

        if (bind.Attribute.BindType.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is Google.Protobuf.Reflection.ServiceDescriptor descriptor)
        {
            services.AddService(descriptor);
        }

        var global = provider.GetRequiredService<IOptions<GrpcServiceOptions>>().Value;
        var own = provider.GetRequiredService<IOptions<GrpcServiceOptions<TService>>>().Value;
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerCategory);
        var settings = new InProcessCallSettings(
            own.EnableDetailedErrors ?? global.EnableDetailedErrors ?? false,
            logger,
            provider.GetService<TimeProvider>() ?? TimeProvider.System,
            provider.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None);

        // Global interceptors run first (outermost), then the service's own, as Grpc.AspNetCore orders them.
        var interceptors = global.Interceptors.Concat(own.Interceptors).Select(registration => new InProcessInterceptor(registration, provider)).ToList();
        var activation = new InProcessServiceActivation<TService>(provider.GetRequiredService<IGrpcServiceActivator<TService>>(), interceptors);
        var binder = new InProcessServiceBinder<TService>(services, settings, activation, bind.BaseType);
        try
        {
            bind.Method.Invoke(null, [binder, null]);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw new InvalidOperationException($"Binding gRPC service {typeof(TService).Name} in-process failed: {ex.InnerException.Message}", ex.InnerException);
        }

        InProcessLog.ServiceBound(logger, typeof(TService).Name, binder.MethodCount, interceptors.Count);
    }

    /// <summary>The generated <c>BindService(ServiceBinderBase, XxxBase)</c> named by the base class's attribute.</summary>
    private static (BindServiceMethodAttribute Attribute, MethodInfo Method, Type BaseType)? FindBindMethod()
    {
        var baseType = typeof(TService);
        while (baseType is not null && !baseType.IsDefined(typeof(BindServiceMethodAttribute), inherit: false))
        {
            baseType = baseType.BaseType;
        }

        if (baseType?.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is not { } attribute)
        {
            return null;
        }

        var method = attribute.BindType.GetMethod(attribute.BindMethodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, [typeof(ServiceBinderBase), baseType])
            ?? throw new InvalidOperationException($"{attribute.BindType.Name}.{attribute.BindMethodName}(ServiceBinderBase, {baseType.Name}) was not found.");
        return (attribute, method, baseType);
    }
}
