using System.Reflection;
using Grpc.Core;

namespace JourneyGrpc.Server.Hosting.Grpc;

/// <summary>
/// Where a Grpc.Tools service base declares its binding: the class carrying <see cref="BindServiceMethodAttribute"/>,
/// its generated <c>BindService(ServiceBinderBase, XxxBase)</c> and, when it has one, its protobuf descriptor.
/// </summary>
internal sealed record GrpcServiceBinding(Type BaseType, MethodInfo BindMethod, Google.Protobuf.Reflection.ServiceDescriptor? Descriptor)
{
    /// <summary>The binding of <paramref name="serviceType"/>, or null for a service without one (code-first).</summary>
    internal static GrpcServiceBinding? Find(Type serviceType)
    {
        for (var type = serviceType; type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is { } attribute)
            {
                var bind = attribute.BindType.GetMethod(attribute.BindMethodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, [typeof(ServiceBinderBase), type])
                    ?? throw new InvalidOperationException($"{attribute.BindType.Name}.{attribute.BindMethodName}(ServiceBinderBase, {type.Name}) was not found.");
                var descriptor = attribute.BindType.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as Google.Protobuf.Reflection.ServiceDescriptor;
                return new GrpcServiceBinding(type, bind, descriptor);
            }
        }

        return null;
    }
}
