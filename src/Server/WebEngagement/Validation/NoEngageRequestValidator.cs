using JourneyGrpc.WebEngagement.V1;

namespace JourneyGrpc.Server.WebEngagement.Validation;

/// <summary>Checks a GWE noengage request.</summary>
internal static class NoEngageRequestValidator
{
    internal static void Validate(NoEngageRequest request)
    {
        var violations = new Violations();
        ProfileRules.Check(violations, "cancelData", request.CancelData);
        violations.Uuid("deploymentId", request.DeploymentId, required: false);
        violations.ThrowIfAny("The engagement cancellation is invalid");
    }
}
