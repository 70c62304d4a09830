using JourneyGrpc.WebEngagement.V1;
using JourneyGrpc.Server.WebEngagement.Lifecycle;

namespace JourneyGrpc.Server.WebEngagement.Mapping;

/// <summary>Web actions as callers see them.</summary>
internal static class WebActionViews
{
    /// <summary>The action with the state the clock has moved it to (not yet written).</summary>
    internal static WebAction AsOf(WebAction action, DateTimeOffset now)
    {
        var effective = WebActionLifecycle.Effective(action, now);
        if (effective == action.State)
        {
            return action;
        }

        var view = action.Clone();
        view.State = effective;
        return view;
    }

    /// <summary>The Genesys Cloud <c>DeploymentWebAction</c> of an action.</summary>
    internal static DeploymentWebAction ToDeploymentWebAction(WebAction action) => new()
    {
        Id = action.Id,
        MediaType = action.MediaType,
        CustomerId = action.CustomerId,
        CustomerIdType = action.CustomerIdType,
        ActionMapId = action.ActionMapId,
        ActionMapVersion = action.ActionMapVersion,
        SessionId = action.SessionId,
    };
}
