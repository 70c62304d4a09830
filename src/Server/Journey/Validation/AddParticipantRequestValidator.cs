using JourneyGrpc.Journey.V1;

namespace JourneyGrpc.Server.Journey.Validation;

/// <summary>
/// Add participant: acct6; engagementId a UUID; participantId 1..36 characters (the parameter schema,
/// whose example is not a UUID, over the 400 text's "36 character UUID": spec section 6 #5); type;
/// dialogId a UUID; timestamp; channelId and channelType 3..50; per type: EXTERNAL callingNumber and
/// dialledNumber 3..256, AGENT extension 3..256, TREATMENT automationType; state ACTIVE or HELD.
/// </summary>
internal static class AddParticipantRequestValidator
{
    internal static void Validate(AddParticipantRequest request)
    {
        var violations = new Violations();
        FieldRules.AccountId(violations, request.AccountId);
        FieldRules.Uuid(violations, "engagementId", request.EngagementId);
        FieldRules.Length(violations, "participantId", request.ParticipantId, 1, 36);
        if (request.Id.Length > 0 && request.Id != request.ParticipantId)
        {
            violations.Add("id", ValidationMessages.ParticipantIdMismatch);
        }

        FieldRules.Uuid(violations, "dialogId", request.DialogId);
        FieldRules.RequiredTimestamp(violations, "timestamp", request.Timestamp);
        FieldRules.RequiredLength(violations, "channelId", request.ChannelId, 3, 50);
        FieldRules.RequiredLength(violations, "channelType", request.ChannelType, 3, 50);
        switch (request.Type)
        {
            case ParticipantType.External:
                FieldRules.RequiredLength(violations, "callingNumber", request.CallingNumber, 3, 256);
                FieldRules.RequiredLength(violations, "dialledNumber", request.DialledNumber, 3, 256);
                break;
            case ParticipantType.Agent:
                FieldRules.RequiredLength(violations, "extension", request.Extension, 3, 256);
                break;
            case ParticipantType.Treatment:
                if (request.AutomationType is not (Participant.Types.AutomationType.SelfService or Participant.Types.AutomationType.Treatment or Participant.Types.AutomationType.Chatbot))
                {
                    violations.Add("automationType", ValidationMessages.AutomationType);
                }

                break;
            default:
                violations.Add("type", ValidationMessages.ParticipantType);
                break;
        }

        if (request.State is not (Participant.Types.State.Unspecified or Participant.Types.State.Active or Participant.Types.State.Held))
        {
            violations.Add("state", ValidationMessages.ParticipantState);
        }

        FieldRules.OptionalLength(violations, "agentDisplayName", request.AgentDisplayName, 1, 100);
        FieldRules.OptionalLength(violations, "channelProviderId", request.ChannelProviderId, 1, 64);
        FieldRules.OptionalLength(violations, "sourceType", request.SourceType, 1, 256);
        FieldRules.OptionalLength(violations, "sourceAddress", request.SourceAddress, 1, 256);
        violations.ThrowIfAny();
    }
}
