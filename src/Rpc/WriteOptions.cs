namespace JourneyGrpc.Rpc;

/// <summary>Options for writing messages.</summary>
public sealed class WriteOptions
{
    /// <summary>The default: compress when the call compresses, flush each message.</summary>
    public static readonly WriteOptions Default = new();

    /// <summary>Creates write options.</summary>
    public WriteOptions(WriteFlags flags = WriteFlags.None) => Flags = flags;

    /// <summary>The flags.</summary>
    public WriteFlags Flags { get; }
}
