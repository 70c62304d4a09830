namespace JourneyGrpc.Rpc;

/// <summary>Base class of generated clients.</summary>
public abstract class ClientBase
{
    /// <summary>Creates a client over a channel.</summary>
    protected ClientBase(RpcChannel channel)
        : this((channel ?? throw new ArgumentNullException(nameof(channel))).CreateCallInvoker())
    {
    }

    /// <summary>Creates a client over a call invoker.</summary>
    protected ClientBase(CallInvoker callInvoker)
    {
        CallInvoker = callInvoker ?? throw new ArgumentNullException(nameof(callInvoker));
    }

    /// <summary>The invoker every call goes through.</summary>
    protected CallInvoker CallInvoker { get; }
}
