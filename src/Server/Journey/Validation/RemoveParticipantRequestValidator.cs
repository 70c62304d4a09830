using JourneyGrpc.Journey.V1;

namespace JourneyGrpc.Server.Journey.Validation;

/// <summary>
/// Remove participant: acct6; engagementId a UUID; participantId 1..36; <c>type</c>, which the spec's 400
/// text mentions although remove has no body, is optional and must be EXTERNAL, AGENT or TREATMENT
/// when given (spec section 6 #22).
/// </summary>
internal static class RemoveParticipantRequestValidator
{
    internal static void Validate(RemoveParticipantRequest request)
    {
        var violations = new Violations();
        FieldRules.AccountId(violations, request.AccountId);
        FieldRules.Uuid(violations, "engagementId", request.EngagementId);
        FieldRules.Length(violations, "participantId", request.ParticipantId, 1, 36);
        if (request.Type != ParticipantType.Unspecified && !Enum.IsDefined(request.Type))
        {
            violations.Add("type", ValidationMessages.ParticipantType);
        }

        FieldRules.OptionalTimestamp(violations, "timestamp", request.Timestamp);
        violations.ThrowIfAny();
    }
}
