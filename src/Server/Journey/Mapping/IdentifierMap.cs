using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Server.Journey.Storage;

namespace JourneyGrpc.Server.Journey.Mapping;

/// <summary>
/// The legacy <c>identifiers</c> object (name → array of strings) is <c>map&lt;string, ListValue&gt;</c> on
/// the wire; here it becomes a list of <see cref="IdentifierKey"/> and back. Non-string values are
/// rejected by the validators before they reach this.
/// </summary>
internal static class IdentifierMap
{
    /// <summary>The distinct identifiers of a map, in map order then value order.</summary>
    internal static List<IdentifierKey> ToKeys(MapField<string, ListValue> map)
    {
        var keys = new List<IdentifierKey>();
        var seen = new HashSet<IdentifierKey>();
        foreach (var (type, values) in map)
        {
            foreach (var value in values?.Values ?? [])
            {
                if (value.KindCase != Value.KindOneofCase.StringValue)
                {
                    continue;
                }

                // One key per value: a key hashes its token when made.
                var key = new IdentifierKey(type, value.StringValue);
                if (seen.Add(key))
                {
                    keys.Add(key);
                }
            }
        }

        return keys;
    }

    /// <summary>Names of the map (including names whose array is empty).</summary>
    internal static IReadOnlyList<string> Names(MapField<string, ListValue> map) => [.. map.Keys];

    /// <summary>Adds every identifier not yet in <paramref name="map"/>; names keep their first position.</summary>
    internal static void AddTo(MapField<string, ListValue> map, IEnumerable<IdentifierKey> keys)
    {
        foreach (var key in keys)
        {
            if (!map.TryGetValue(key.Type, out var list) || list is null)
            {
                list = new ListValue();
                map[key.Type] = list;
            }

            if (!list.Values.Any(v => v.KindCase == Value.KindOneofCase.StringValue && string.Equals(v.StringValue, key.Value, StringComparison.Ordinal)))
            {
                list.Values.Add(Value.ForString(key.Value));
            }
        }
    }

    /// <summary>A new map holding <paramref name="keys"/>, grouped by name in first-seen order.</summary>
    internal static MapField<string, ListValue> From(IEnumerable<IdentifierKey> keys)
    {
        var map = new MapField<string, ListValue>();
        AddTo(map, keys);
        return map;
    }
}
