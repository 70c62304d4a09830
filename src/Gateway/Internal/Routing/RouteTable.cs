using System.Collections.Frozen;

namespace JourneyGrpc.Gateway.Internal.Routing;

/// <summary>
/// Every route, grouped by HTTP method and ordered most specific first: segment by segment a
/// literal beats <c>*</c>, which beats <c>**</c>; then a route with a verb beats one without;
/// then declaration order. A path that matches only under other methods is a 405 with their list.
/// </summary>
internal sealed class RouteTable
{
    private const string AnyMethod = "*";

    private readonly FrozenDictionary<string, GatewayRoute[]> _byMethod;
    private readonly GatewayRoute[] _anyMethod;

    internal RouteTable(IEnumerable<GatewayRoute> routes)
    {
        var ordered = routes.Order(Comparer<GatewayRoute>.Create(Compare)).ToArray();
        Routes = ordered;
        _byMethod = ordered.Where(r => r.HttpMethod != AnyMethod).GroupBy(r => r.HttpMethod, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _anyMethod = [.. ordered.Where(r => r.HttpMethod == AnyMethod)];
    }

    internal IReadOnlyList<GatewayRoute> Routes { get; }

    internal RouteLookup Match(string httpMethod, string path)
    {
        if (_byMethod.TryGetValue(httpMethod, out var routes) && TryMatch(routes, path) is { } found)
        {
            return found;
        }

        if (TryMatch(_anyMethod, path) is { } any)
        {
            return any;
        }

        var allowed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (method, others) in _byMethod)
        {
            if (method != httpMethod && TryMatch(others, path) is not null)
            {
                allowed.Add(method);
            }
        }

        return new RouteLookup(null, null, [.. allowed]);
    }

    private static RouteLookup? TryMatch(GatewayRoute[] routes, string path)
    {
        foreach (var route in routes)
        {
            if (route.Pattern.Match(path) is { } match)
            {
                return new RouteLookup(route, match, []);
            }
        }

        return null;
    }

    private static int Compare(GatewayRoute x, GatewayRoute y)
    {
        var a = x.Pattern.Precedence;
        var b = y.Pattern.Precedence;
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (a[i] != b[i])
            {
                return a[i].CompareTo(b[i]);
            }
        }

        if (a.Length != b.Length)
        {
            return b.Length.CompareTo(a.Length);
        }

        var verbs = (y.Pattern.Template.Verb is not null).CompareTo(x.Pattern.Template.Verb is not null);
        return verbs != 0 ? verbs : x.Order.CompareTo(y.Order);
    }
}
