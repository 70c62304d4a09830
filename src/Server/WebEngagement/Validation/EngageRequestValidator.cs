using JourneyGrpc.WebEngagement.V1;
using JourneyGrpc.Server.WebEngagement.Lifecycle;

namespace JourneyGrpc.Server.WebEngagement.Validation;

/// <summary>Checks a GWE engage request.</summary>
internal static class EngageRequestValidator
{
    internal const int MaxActionMapVersion = 1_000_000;

    internal static void Validate(EngageRequest request)
    {
        var violations = new Violations();
        ProfileRules.Check(violations, "ixnProfile", request.IxnProfile);
        violations.Uuid("deploymentId", request.DeploymentId, required: false);
        violations.Uuid("actionMapId", request.ActionMapId, required: false);
        if (request.ActionMapId.Length > 0 && request.ActionMapVersion is < 1 or > MaxActionMapVersion)
        {
            violations.Add("actionMapVersion", $"must be from 1 to {MaxActionMapVersion} with an actionMapId");
        }
        else if (request.ActionMapId.Length == 0 && request.ActionMapVersion != 0)
        {
            violations.Add("actionMapVersion", "needs an actionMapId");
        }

        if (request.MediaType.Length > 0 && !MediaTypes.IsKnown(request.MediaType))
        {
            violations.Add("mediaType", $"must be {MediaTypes.ContentOffer} or {MediaTypes.WebMessagingOffer}, not '{Violations.Shown(request.MediaType)}'");
        }

        violations.ThrowIfAny("The engagement attempt is invalid");
    }
}
