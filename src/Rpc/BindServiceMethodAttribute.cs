using System.Diagnostics.CodeAnalysis;

namespace JourneyGrpc.Rpc;

/// <summary>
/// Placed by generated code on a service base class: names the static method that binds the
/// service's methods to a <see cref="ServiceBinderBase"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class BindServiceMethodAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public BindServiceMethodAttribute([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods)] Type bindType, string bindMethodName)
    {
        BindType = bindType;
        BindMethodName = bindMethodName;
    }

    /// <summary>The type that declares the bind method.</summary>
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods)]
    public Type BindType { get; }

    /// <summary>The bind method's name; it takes a <see cref="ServiceBinderBase"/> and the service.</summary>
    public string BindMethodName { get; }
}
