using Grpc.AspNetCore.Server.Model;
using JourneyGrpc.Server.Hosting.Grpc;

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
        if (GrpcServiceBinding.Find(typeof(TService))?.Descriptor is { } descriptor)
        {
            rules.Add(descriptor);
        }
    }
}
