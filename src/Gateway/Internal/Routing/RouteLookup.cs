namespace JourneyGrpc.Gateway.Internal.Routing;

/// <summary>The result of matching a request: a route and its path values, or the methods the path allows.</summary>
internal readonly record struct RouteLookup(GatewayRoute? Route, PathMatch? Match, IReadOnlyList<string> AllowedMethods)
{
    internal bool IsMatch => Route is not null;

    internal bool IsMethodNotAllowed => Route is null && AllowedMethods.Count > 0;
}
