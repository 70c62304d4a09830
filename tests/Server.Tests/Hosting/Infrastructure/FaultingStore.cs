using System.Reflection;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.Tests.Hosting.Infrastructure;

/// <summary>
/// An <see cref="IJourneyStore"/> that passes every call to the real store until <see cref="Failing"/> is set,
/// then throws an exception no service maps to a status: a handler failure on every route that reads or writes.
/// </summary>
public class FaultingStore : DispatchProxy
{
    /// <summary>In the injected exception's message, so a test can tell it leaked.</summary>
    internal const string Secret = "store-fault-secret-91c2";

    private IJourneyStore _inner = null!;

    internal static bool Failing { get; set; }

    internal static IJourneyStore Wrap(IJourneyStore inner)
    {
        var proxy = Create<IJourneyStore, FaultingStore>();
        ((FaultingStore)(object)proxy)._inner = inner;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (Failing)
        {
            throw new InvalidOperationException($"Injected store failure {Secret} in {targetMethod.Name}.");
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }
}
