using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace JourneyGrpc.Gateway.Internal.Listeners;

/// <summary>
/// Marks a Kestrel listener's connections as the REST port (only gateway endpoints) or another
/// port (never gateway endpoints); untagged connections reach everything. The tag is set once per
/// connection by connection middleware and read from the connection items by the matcher policy.
/// </summary>
internal static class RestListener
{
    private static readonly object ItemKey = new();

    internal static void Tag(ListenOptions listen, bool rest) => listen.Use(next => connection =>
    {
        connection.Items[ItemKey] = rest;
        return next(connection);
    });

    /// <summary>True on the REST listener, false on another tagged listener, null when untagged.</summary>
    internal static bool? IsRest(HttpContext context) =>
        context.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(ItemKey, out var value) == true ? (bool)value! : null;
}
