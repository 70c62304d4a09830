namespace JourneyGrpc.Store.Internal;

/// <summary>One operation of a <see cref="WriteBatch"/>; for <see cref="WriteOperationKind.Append"/> the target is the log name.</summary>
internal sealed record WriteOperation(
    WriteOperationKind Kind,
    string Target,
    string Id,
    long? ExpectedVersion,
    byte[]? Payload,
    IReadOnlyList<IndexEntry> Indexes);
