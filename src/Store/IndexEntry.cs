namespace JourneyGrpc.Store;

/// <summary>
/// One entry of a record in a named index of its collection, supplied with every write of the record
/// (a write replaces all of the record's entries). <see cref="IJourneyStore.FindAsync"/> matches on
/// <see cref="Key"/> and orders by <see cref="Sort"/> (e.g. a start time in Unix milliseconds).
/// </summary>
/// <param name="Name">The index, e.g. <c>by-agent</c>.</param>
/// <param name="Key">The value looked up, e.g. an agent id.</param>
/// <param name="Sort">The order within a key; 0 when order does not matter.</param>
/// <param name="IsUnique">When true no other record of the collection (in the tenant) may hold the same name and key.</param>
public sealed record IndexEntry(string Name, string Key, long Sort = 0, bool IsUnique = false)
{
    /// <summary>An entry no other record of the collection may share, e.g. an identifier type's name.</summary>
    public static IndexEntry Unique(string name, string key) => new(name, key, 0, IsUnique: true);
}
