using System.Net;
using JourneyGrpc.Rpc.Internal;
using JourneyGrpc.Rpc.Internal.Client;

namespace JourneyGrpc.Rpc;

/// <summary>A connection target for clients: an address plus the HTTP/2 handler that reaches it.</summary>
public sealed class RpcChannel : IDisposable
{
    private readonly HttpMessageInvoker _httpInvoker;
    private readonly HttpClientCallInvoker _callInvoker;
    private volatile bool _disposed;

    private RpcChannel(Uri address, RpcChannelOptions options)
    {
        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"Address '{address}' must be an absolute http:// (h2c) or https:// (TLS) URI.", nameof(address));
        }

        if (options.RequestCompression is { } compression
            && !compression.Equals(GrpcProtocolConstants.GzipEncoding, StringComparison.OrdinalIgnoreCase)
            && !compression.Equals(GrpcProtocolConstants.IdentityEncoding, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Request compression '{compression}' is not supported; use '{GrpcProtocolConstants.GzipEncoding}'.", nameof(options));
        }

        Address = address;
        Options = options;
        _httpInvoker = new HttpMessageInvoker(options.HttpHandler ?? CreateHandler(), disposeHandler: options.HttpHandler is null || options.DisposeHttpHandler);
        _callInvoker = new HttpClientCallInvoker(this, _httpInvoker);
    }

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:50051</c>.</summary>
    public Uri Address { get; }

    internal RpcChannelOptions Options { get; }

    /// <summary>The clock of call deadlines; tests substitute a manual one.</summary>
    internal TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal bool IsDisposed => _disposed;

    /// <summary>Creates a channel to <paramref name="address"/> (<c>http</c> for h2c, <c>https</c> for TLS).</summary>
    public static RpcChannel ForAddress(string address, RpcChannelOptions? options = null) => ForAddress(new Uri(address), options);

    /// <summary>Creates a channel to <paramref name="address"/>.</summary>
    public static RpcChannel ForAddress(Uri address, RpcChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new RpcChannel(address, options ?? new RpcChannelOptions());
    }

    /// <summary>Creates the invoker that generated clients call through.</summary>
    public CallInvoker CreateCallInvoker()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _callInvoker;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _httpInvoker.Dispose();
    }

    private static SocketsHttpHandler CreateHandler() => new()
    {
        // Opens another connection when one reaches the server's stream limit (Kestrel: 100 streams).
        EnableMultipleHttp2Connections = true,
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
    };
}
