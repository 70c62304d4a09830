using System.Globalization;

namespace JourneyGrpc.Store.Internal;

/// <summary>Numbered parameter names (@n0, @k1…), made once.</summary>
internal static class Names
{
    private static readonly string[][] Cache = [.. new[] { "@n", "@k", "@s" }.Select(prefix => Enumerable.Range(0, 16).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture)).ToArray())];

    internal static string Of(string prefix, int index)
    {
        var row = prefix switch { "@n" => 0, "@k" => 1, "@s" => 2, _ => -1 };
        return row >= 0 && index < Cache[row].Length ? Cache[row][index] : prefix + index.ToString(CultureInfo.InvariantCulture);
    }
}
