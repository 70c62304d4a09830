namespace JourneyGrpc.Server.StartEvent.Storage;

/// <summary>The ids of one reserved block still to hand out, for one tenant and kind; guarded by <see cref="Gate"/>.</summary>
internal sealed class IdRange
{
    internal SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The next id to hand out.</summary>
    internal long Next { get; set; }

    /// <summary>One past the last id of the block.</summary>
    internal long End { get; set; }
}
