using System.Collections.Concurrent;

namespace JourneyGrpc.Rpc.Internal.Client;

/// <summary>Runs calls over a channel's <see cref="HttpMessageInvoker"/>, one HTTP/2 request per call.</summary>
internal sealed class HttpClientCallInvoker : CallInvoker
{
    internal const string UserAgent = "grpc-dotnet-journeygrpc/1.0";

    private readonly RpcChannel _channel;
    private readonly string _baseAddress;
    private readonly ConcurrentDictionary<string, Uri> _uris = new(StringComparer.Ordinal);

    internal HttpClientCallInvoker(RpcChannel channel, HttpMessageInvoker httpInvoker)
    {
        _channel = channel;
        HttpInvoker = httpInvoker;
        _baseAddress = channel.Address.AbsoluteUri.TrimEnd('/');
        MaxReceiveMessageSize = channel.Options.MaxReceiveMessageSize;
        MaxSendMessageSize = channel.Options.MaxSendMessageSize;
        CompressRequests = string.Equals(channel.Options.RequestCompression, GrpcProtocolConstants.GzipEncoding, StringComparison.OrdinalIgnoreCase);
    }

    internal HttpMessageInvoker HttpInvoker { get; }

    internal TimeProvider TimeProvider => _channel.TimeProvider;

    internal int? MaxReceiveMessageSize { get; }

    internal int? MaxSendMessageSize { get; }

    internal bool CompressRequests { get; }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = CreateCall(method, options);
        var response = call.ReadSingleResponseAsync(call.StartUnary(request));
        return new AsyncUnaryCall<TResponse>(response, call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = CreateCall(method, options);
        var reader = new HttpContentClientStreamReader<TRequest, TResponse>(call, call.StartUnary(request));
        return new AsyncServerStreamingCall<TResponse>(reader, call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        var call = CreateCall(method, options);
        var content = new StreamingRequestContent();
        var writer = new HttpContentClientStreamWriter<TRequest, TResponse>(call, content);
        var response = call.ReadSingleResponseAsync(call.StartStreaming(content));
        return new AsyncClientStreamingCall<TRequest, TResponse>(writer, response, call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        var call = CreateCall(method, options);
        var content = new StreamingRequestContent();
        var writer = new HttpContentClientStreamWriter<TRequest, TResponse>(call, content);
        var reader = new HttpContentClientStreamReader<TRequest, TResponse>(call, call.StartStreaming(content));
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(writer, reader, call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    /// <summary>The request URI: the channel address followed by the method's path, built once per method.</summary>
    internal Uri GetUri(IMethod method) =>
        _uris.GetOrAdd(method.FullName, static (path, baseAddress) => new Uri(baseAddress + path, UriKind.Absolute), _baseAddress);

    private HttpClientCall<TRequest, TResponse> CreateCall<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options)
        where TRequest : class
        where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(method);
        ObjectDisposedException.ThrowIf(_channel.IsDisposed, _channel);
        return new HttpClientCall<TRequest, TResponse>(this, method, options);
    }
}
