namespace JourneyGrpc.Rpc;

/// <summary>A connection target for clients: an address plus the HTTP/2 handler that reaches it.</summary>
public sealed class RpcChannel : IDisposable
{
    private RpcChannel(Uri address, RpcChannelOptions options)
    {
        Address = address;
        Options = options;
    }

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:50051</c>.</summary>
    public Uri Address { get; }

    internal RpcChannelOptions Options { get; }

    /// <summary>Creates a channel to <paramref name="address"/> (<c>http</c> for h2c, <c>https</c> for TLS).</summary>
    public static RpcChannel ForAddress(string address, RpcChannelOptions? options = null) => ForAddress(new Uri(address), options);

    /// <summary>Creates a channel to <paramref name="address"/>.</summary>
    public static RpcChannel ForAddress(Uri address, RpcChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new RpcChannel(address, options ?? new RpcChannelOptions());
    }

    /// <summary>Creates the invoker that generated clients call through.</summary>
    public CallInvoker CreateCallInvoker() => throw new NotImplementedException();

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
