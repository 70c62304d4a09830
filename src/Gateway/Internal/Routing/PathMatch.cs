namespace JourneyGrpc.Gateway.Internal.Routing;

/// <summary>The decoded values of a matched route's path variables, by field path.</summary>
internal sealed class PathMatch(IReadOnlyList<KeyValuePair<string, string>> values)
{
    internal static PathMatch Empty { get; } = new([]);

    internal IReadOnlyList<KeyValuePair<string, string>> Values { get; } = values;
}
