namespace JourneyGrpc.Rpc;

/// <summary>A client's request stream.</summary>
public interface IClientStreamWriter<in T> : IAsyncStreamWriter<T>
{
    /// <summary>Half-closes the request stream: no more messages will be sent.</summary>
    Task CompleteAsync();
}
