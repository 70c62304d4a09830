namespace JourneyGrpc.Store;

/// <summary>What a committed <see cref="WriteBatch"/> produced.</summary>
/// <param name="Versions">For each record operation, in batch order: the record's new version (0 for a delete).</param>
/// <param name="Sequences">For each append, in batch order: the event's sequence in its log.</param>
public sealed record WriteResult(IReadOnlyList<long> Versions, IReadOnlyList<long> Sequences);
