using System.IO.Compression;

namespace JourneyGrpc.Rpc.Internal;

/// <summary>How one outgoing message is written.</summary>
internal readonly record struct MessageWriteSettings(int? MaxSendMessageSize, bool Compress, CompressionLevel CompressionLevel);
