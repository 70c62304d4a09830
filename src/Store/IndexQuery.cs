namespace JourneyGrpc.Store;

/// <summary>
/// A lookup by index: the records of <see cref="Collection"/> with an entry in <see cref="Index"/> whose
/// key is one of <see cref="Keys"/> and whose sort value is within [<see cref="SortFrom"/>, <see cref="SortTo"/>],
/// ordered by sort value (newest first by default), then by id; one page of them plus the total.
/// A record matching several keys counts once, at its highest sort value.
/// </summary>
public sealed record IndexQuery(string Collection, string Index, IReadOnlyList<string> Keys)
{
    /// <summary>A lookup of one key.</summary>
    public IndexQuery(string collection, string index, string key)
        : this(collection, index, [key])
    {
    }

    /// <summary>The lowest sort value included.</summary>
    public long SortFrom { get; init; } = long.MinValue;

    /// <summary>The highest sort value included.</summary>
    public long SortTo { get; init; } = long.MaxValue;

    /// <summary>Highest sort value first (the default), or lowest first.</summary>
    public bool Descending { get; init; } = true;

    /// <summary>How many matching records to skip.</summary>
    public int Offset { get; init; }

    /// <summary>The page size, 1 to 1000.</summary>
    public int Limit { get; init; } = 50;
}
