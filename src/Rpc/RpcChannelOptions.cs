namespace JourneyGrpc.Rpc;

/// <summary>Options for an <see cref="RpcChannel"/>.</summary>
public sealed class RpcChannelOptions
{
    /// <summary>The HTTP handler; defaults to a <see cref="SocketsHttpHandler"/> owned by the channel.</summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>Whether the channel disposes <see cref="HttpHandler"/>. Defaults to false for a supplied handler.</summary>
    public bool DisposeHttpHandler { get; set; }

    /// <summary>Largest response message accepted. Defaults to 4,194,304 (4 MiB); null means no limit.</summary>
    public int? MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest request message sent. Defaults to null (no limit).</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>Compress request messages with this algorithm (only <c>gzip</c> is supported). Defaults to null (no compression).</summary>
    public string? RequestCompression { get; set; }
}
