using System.IO.Compression;

namespace JourneyGrpc.Rpc;

/// <summary>Options for every service served by <c>MapRpcService</c>; bound from configuration section <c>Rpc</c>.</summary>
public sealed class RpcServerOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Rpc";

    /// <summary>Largest request message accepted. Defaults to 4,194,304 (4 MiB); null means no limit.</summary>
    public int? MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest response message sent. Defaults to null (no limit).</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>Send exception messages to clients in <c>grpc-message</c>. Defaults to false: details go to the log only.</summary>
    public bool EnableDetailedErrors { get; set; }

    /// <summary>Compress responses with this algorithm when the client accepts it (only <c>gzip</c>). Defaults to null.</summary>
    public string? ResponseCompressionAlgorithm { get; set; }

    /// <summary>The compression level for responses. Defaults to <see cref="CompressionLevel.Fastest"/>.</summary>
    public CompressionLevel ResponseCompressionLevel { get; set; } = CompressionLevel.Fastest;
}
