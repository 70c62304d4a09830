namespace JourneyGrpc.Rpc;

/// <summary>Per-message write flags.</summary>
[Flags]
public enum WriteFlags
{
    /// <summary>No flags.</summary>
    None = 0,
    /// <summary>The write may be buffered rather than flushed at once.</summary>
    BufferHint = 1,
    /// <summary>Send this message uncompressed even when the call compresses.</summary>
    NoCompress = 2,
}
