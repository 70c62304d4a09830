using System.IO.Compression;

namespace JourneyGrpc.Server.Hosting.Grpc;

/// <summary>
/// The <c>Rpc</c> configuration section: the gRPC server's limits and error detail, applied to
/// Grpc.AspNetCore's <c>GrpcServiceOptions</c> and validated at start-up.
/// </summary>
public sealed class RpcOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Rpc";

    /// <summary>Largest request message in bytes (compressed and decompressed); larger is RESOURCE_EXHAUSTED. Null: no limit.</summary>
    public int? MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest response message in bytes; null (the default): no limit.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>Whether an unhandled handler exception's text goes to the client in <c>grpc-message</c> (otherwise only to the log).</summary>
    public bool EnableDetailedErrors { get; set; }

    /// <summary><c>gzip</c> compresses responses for clients whose <c>grpc-accept-encoding</c> lists it; null: none.</summary>
    public string? ResponseCompressionAlgorithm { get; set; }

    /// <summary>How hard responses are compressed when they are.</summary>
    public CompressionLevel ResponseCompressionLevel { get; set; } = CompressionLevel.Fastest;
}
