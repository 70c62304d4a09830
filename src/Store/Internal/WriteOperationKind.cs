namespace JourneyGrpc.Store.Internal;

/// <summary>What one operation of a <see cref="WriteBatch"/> does.</summary>
internal enum WriteOperationKind
{
    Insert,
    Update,
    Upsert,
    Delete,
    Append,
}
