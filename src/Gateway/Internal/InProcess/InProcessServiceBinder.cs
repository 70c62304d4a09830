using System.Reflection;
using Grpc.Core;
using Model = Grpc.AspNetCore.Server.Model;

namespace JourneyGrpc.Gateway.Internal.InProcess;

/// <summary>
/// Receives each method of one service from its generated <c>BindService</c> (handlers are null: the
/// service is activated per call) and binds a handler that activates the service, runs the
/// interceptors and calls the service's own override, found as Grpc.AspNetCore finds it.
/// </summary>
internal sealed class InProcessServiceBinder<TService>(InProcessServices services, InProcessCallSettings settings, InProcessServiceActivation<TService> activation, Type declaringType) : ServiceBinderBase
    where TService : class
{
    internal int MethodCount { get; private set; }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
    {
        var invoker = CreateInvoker<Model.UnaryServerMethod<TService, TRequest, TResponse>>(method, typeof(TRequest), typeof(ServerCallContext));
        Add(new InProcessUnaryMethod<TRequest, TResponse>(method, settings, activation.Unary(invoker)));
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var invoker = CreateInvoker<Model.ClientStreamingServerMethod<TService, TRequest, TResponse>>(method, typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext));
        Add(new InProcessClientStreamingMethod<TRequest, TResponse>(method, settings, activation.ClientStreaming(invoker)));
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var invoker = CreateInvoker<Model.ServerStreamingServerMethod<TService, TRequest, TResponse>>(method, typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
        Add(new InProcessServerStreamingMethod<TRequest, TResponse>(method, settings, activation.ServerStreaming(invoker)));
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var invoker = CreateInvoker<Model.DuplexStreamingServerMethod<TService, TRequest, TResponse>>(method, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
        Add(new InProcessDuplexStreamingMethod<TRequest, TResponse>(method, settings, activation.DuplexStreaming(invoker)));
    }

    private void Add(InProcessMethod method)
    {
        services.AddMethod(method);
        MethodCount++;
    }

    private TDelegate CreateInvoker<TDelegate>(IMethod method, params Type[] parameters)
        where TDelegate : Delegate
    {
        var handler = FindOverride(method.Name, parameters)
            ?? throw new InvalidOperationException($"Could not find '{method.Name}' on {typeof(TService).Name} for {method.FullName}.");
        return (TDelegate)Delegate.CreateDelegate(typeof(TDelegate), handler);
    }

    /// <summary>The public instance method that overrides the generated base's virtual method (a hiding method of the same name is skipped).</summary>
    private MethodInfo? FindOverride(string name, Type[] parameters)
    {
        for (var type = typeof(TService); type is not null; type = type.BaseType)
        {
            var candidate = type.GetMethod(name, BindingFlags.Public | BindingFlags.Instance, binder: null, parameters, modifiers: null);
            if (candidate is null)
            {
                return null;
            }

            if (candidate.IsVirtual && candidate.GetBaseDefinition().DeclaringType == declaringType)
            {
                return candidate;
            }
        }

        return null;
    }
}
