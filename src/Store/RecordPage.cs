namespace JourneyGrpc.Store;

/// <summary>One page of an <see cref="IndexQuery"/> and how many records match in all.</summary>
public sealed record RecordPage(IReadOnlyList<StoredRecord> Records, long Total);
