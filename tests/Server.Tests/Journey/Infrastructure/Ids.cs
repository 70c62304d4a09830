using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;

namespace JourneyGrpc.Server.Tests.Journey.Infrastructure;

/// <summary>Builds legacy <c>identifiers</c> maps: <c>Ids.Of(("emailAddresses", "a@example.org"))</c>.</summary>
internal static class Ids
{
    internal static MapField<string, ListValue> Of(params (string Name, string Value)[] identifiers)
    {
        var map = new MapField<string, ListValue>();
        foreach (var (name, value) in identifiers)
        {
            if (!map.TryGetValue(name, out var list))
            {
                list = new ListValue();
                map[name] = list;
            }

            list.Values.Add(Value.ForString(value));
        }

        return map;
    }

    /// <summary>The map as sorted "name=value" strings, for order-insensitive assertions.</summary>
    internal static string[] Flatten(MapField<string, ListValue> map) =>
        [.. map.SelectMany(e => e.Value.Values.Select(v => $"{e.Key}={v.StringValue}")).Order(StringComparer.Ordinal)];
}
