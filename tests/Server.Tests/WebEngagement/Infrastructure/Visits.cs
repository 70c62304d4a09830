using JourneyGrpc.WebEngagement.V1;

namespace JourneyGrpc.Server.Tests.WebEngagement.Infrastructure;

/// <summary>Requests of a fresh visit: every id a new UUID.</summary>
internal static class Visits
{
    /// <summary>The deployment the tests use.</summary>
    internal const string Deployment = "3f1c2a9e-8d4b-4c6a-9e2f-5a7b8c9d0e1f";

    /// <summary>An action map the tests count under.</summary>
    internal const string ActionMap = "6b2e4d8a-1c3f-4e5a-8b7d-9f0a1b2c3d4e";

    internal static string NewId() => Guid.NewGuid().ToString("D");

    internal static EngageRequest Engage(string? visitId = null, string mediaType = "", string? customerId = null) => new()
    {
        DeploymentId = Deployment,
        ActionMapId = ActionMap,
        ActionMapVersion = 1,
        MediaType = mediaType,
        IxnProfile = new IxnProfile { VisitId = visitId ?? NewId(), GlobalVisitId = customerId ?? NewId(), PageId = NewId(), InteractionId = "0001KaDKMA0MKPB1" },
    };

    internal static RecordActionEventRequest Event(WebAction action, string state) => new()
    {
        DeploymentId = Deployment,
        SessionId = action.SessionId,
        ActionId = action.Id,
        ActionState = state,
    };
}
