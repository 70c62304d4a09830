using System.Reflection;
using Grpc.AspNetCore.Server.Model;

namespace JourneyGrpc.Server.Hosting.Grpc;

/// <summary>
/// Binds every <c>MapGrpcService&lt;TService&gt;()</c> in place of Grpc.AspNetCore's own binder, the same way but
/// with request marshallers that turn an undecodable request into a clear INTERNAL status
/// (<see cref="CheckedRequestMarshaller"/>).
/// </summary>
internal sealed class CheckedRequestServiceMethodProvider<TService> : IServiceMethodProvider<TService>
    where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        if (GrpcServiceBinding.Find(typeof(TService)) is not { } binding)
        {
            return;
        }

        try
        {
            binding.BindMethod.Invoke(null, [new CheckedRequestServiceBinder<TService>(context, binding.BaseType), null]);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw new InvalidOperationException($"Error binding gRPC service '{typeof(TService).Name}': {ex.InnerException.Message}", ex.InnerException);
        }
    }
}
