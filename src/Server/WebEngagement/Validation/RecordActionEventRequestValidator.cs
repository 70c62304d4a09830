using JourneyGrpc.WebEngagement.V1;
using JourneyGrpc.Server.WebEngagement.Lifecycle;

namespace JourneyGrpc.Server.WebEngagement.Validation;

/// <summary>Checks a Genesys Cloud <c>ActionEventRequest</c>.</summary>
internal static class RecordActionEventRequestValidator
{
    internal const int MaxErrorMessageLength = 1000;

    internal static WebActionState Validate(RecordActionEventRequest request)
    {
        var violations = new Violations();
        violations.Uuid("deploymentId", request.DeploymentId, required: true);
        violations.Uuid("sessionId", request.SessionId, required: true);
        violations.Uuid("actionId", request.ActionId, required: true);
        var state = WebActionState.Unspecified;
        if (request.ActionState.Length == 0)
        {
            violations.Add("actionState", "is required");
        }
        else if (ActionStateLiterals.IsUnsupported(request.ActionState))
        {
            violations.Add("actionState", $"'{request.ActionState}' is a Genesys Cloud state this service does not accept; send one of {ActionStateLiterals.AcceptedList}");
        }
        else if (!ActionStateLiterals.TryParse(request.ActionState, out state))
        {
            violations.Add("actionState", $"must be one of {ActionStateLiterals.AcceptedList}, not '{Violations.Shown(request.ActionState)}'");
        }

        var errored = state == WebActionState.Errored;
        if (request.HasErrorCode && !errored)
        {
            violations.Add("errorCode", "is only allowed with actionState errored");
        }

        if (request.ErrorMessage.Length > 0 && !errored)
        {
            violations.Add("errorMessage", "is only allowed with actionState errored");
        }
        else if (request.ErrorMessage.Length > MaxErrorMessageLength)
        {
            violations.Add("errorMessage", $"must be at most {MaxErrorMessageLength} characters");
        }

        violations.ThrowIfAny("The action event is invalid");
        return state;
    }
}
