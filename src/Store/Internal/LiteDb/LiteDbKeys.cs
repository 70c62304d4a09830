using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace JourneyGrpc.Store.Internal.LiteDb;

/// <summary>
/// The computed keys: LiteDB has no compound index and uses one index per query, so every lookup is a
/// range of one string <c>_id</c> that sorts the way the query needs. Parts are separated by U+001F,
/// which names cannot hold; a key (which may) is length-prefixed so that no key's prefix reads as
/// another's. A key too long for an index node (1023 bytes) is replaced by its SHA-256, which never
/// contains the separator, so it cannot collide with a plain one. Sort values and sequences are 16
/// hex digits with the sign bit flipped, so string order is numeric order.
/// </summary>
internal static class LiteDbKeys
{
    private const char Separator = StoreNames.Separator;

    // Room for the sort value and the longest id (256 UTF-16 units, at most 768 UTF-8 bytes) after a prefix.
    private const int MaxPrefixBytes = 150;
    private const int MaxKeyBytes = 900;

    /// <summary>A record: tenant, collection, id.</summary>
    internal static string Record(string tenant, string collection, string id) =>
        Bounded(string.Concat(tenant, Separator.ToString(), collection, Separator.ToString(), id), MaxKeyBytes);

    /// <summary>The part of an entry key shared by all entries of one index key; a range below it is one lookup.</summary>
    internal static string EntryPrefix(string tenant, string collection, string index, string key) =>
        Bounded(string.Create(CultureInfo.InvariantCulture, $"{tenant}{Separator}{collection}{Separator}{index}{Separator}{key.Length}:{key}"), MaxPrefixBytes);

    /// <summary>One index entry: prefix, sort value, record id; ordered by sort value, then id.</summary>
    internal static string Entry(string prefix, long sort, string id) => string.Concat(prefix, Separator.ToString(), Ordered(sort), Separator.ToString(), id);

    /// <summary>The lowest entry key of <paramref name="prefix"/> with a sort value of at least <paramref name="sort"/>.</summary>
    internal static string EntryFrom(string prefix, long sort) => string.Concat(prefix, Separator.ToString(), Ordered(sort), Separator.ToString());

    /// <summary>Above every entry key of <paramref name="prefix"/> with a sort value of at most <paramref name="sort"/> (U+0020 follows the separator).</summary>
    internal static string EntryTo(string prefix, long sort) => string.Concat(prefix, Separator.ToString(), Ordered(sort), " ");

    /// <summary>A unique index key of a collection.</summary>
    internal static string Unique(string tenant, string collection, string index, string key) =>
        Bounded(string.Concat(tenant, Separator.ToString(), collection, Separator.ToString(), index, Separator.ToString(), key), MaxKeyBytes);

    /// <summary>An event log's head (its last sequence).</summary>
    internal static string Log(string tenant, string log) => Bounded(string.Concat(tenant, Separator.ToString(), log), MaxKeyBytes);

    /// <summary>One event: the log key and its sequence.</summary>
    internal static string Event(string logKey, long sequence) => string.Concat(logKey, Separator.ToString(), Ordered(sequence));

    /// <summary>The sign bit flipped, in hex: <see cref="long.MinValue"/> is 0000000000000000, -1 is 7FFFFFFFFFFFFFFF, 0 is 8000000000000000.</summary>
    internal static string Ordered(long value) => ((ulong)value ^ 0x8000_0000_0000_0000UL).ToString("X16", CultureInfo.InvariantCulture);

    private static string Bounded(string key, int maxBytes) =>
        Encoding.UTF8.GetByteCount(key) <= maxBytes ? key : "#" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
