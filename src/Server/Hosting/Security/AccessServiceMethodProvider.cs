using System.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace JourneyGrpc.Server.Hosting.Security;

/// <summary>
/// Called by Grpc.AspNetCore for every <c>MapGrpcService&lt;TService&gt;()</c>: reads the access rules of the
/// service's methods (so a method without roles stops start-up, naming it). It adds no endpoint.
/// </summary>
internal sealed class AccessServiceMethodProvider<TService>(MethodAccessRules rules) : IServiceMethodProvider<TService>
    where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        for (var type = typeof(TService); type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>() is { } bind
                && bind.BindType.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is Google.Protobuf.Reflection.ServiceDescriptor descriptor)
            {
                rules.Add(descriptor);
                return;
            }
        }
    }
}
