namespace JourneyGrpc.Server.WebEngagement.Lifecycle;

/// <summary>The Genesys Cloud <c>DeploymentWebAction.mediaType</c> literals this service keeps (shared/reference/genesys-apis.md D.4).</summary>
internal static class MediaTypes
{
    /// <summary>A content offer: accepted is terminal.</summary>
    internal const string ContentOffer = "contentOffer";

    /// <summary>A web messaging (chat) offer: accepted goes on to engaged or rejected.</summary>
    internal const string WebMessagingOffer = "webMessagingOffer";

    internal static bool IsKnown(string value) => value is ContentOffer or WebMessagingOffer;
}
