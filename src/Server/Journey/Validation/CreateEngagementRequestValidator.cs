using JourneyGrpc.Journey.V1;

namespace JourneyGrpc.Server.Journey.Validation;

/// <summary>
/// Create engagement: acct6; <c>id</c> not empty and a UUID; <c>startDate</c> not null; identifiers 1..10
/// names (the schema's limit, not the 400 text's 1..20: spec section 6 #4); write limits on
/// conversations and data; direction INBOUND or OUTBOUND.
/// </summary>
internal static class CreateEngagementRequestValidator
{
    internal static void Validate(CreateEngagementRequest request)
    {
        var violations = new Violations();
        FieldRules.AccountId(violations, request.AccountId);
        if (request.Id.Length == 0)
        {
            violations.Add("id", ValidationMessages.NotEmpty);
        }
        else
        {
            FieldRules.Uuid(violations, "id", request.Id);
        }

        FieldRules.RequiredTimestamp(violations, "startDate", request.StartDate);
        FieldRules.Identifiers(violations, request.Identifiers, required: true);
        FieldRules.Conversations(violations, request.Conversations);
        FieldRules.Data(violations, request.Data);
        if (!Enum.IsDefined(request.Direction))
        {
            violations.Add("direction", ValidationMessages.Direction);
        }

        for (var i = 0; i < request.Channels.Count; i++)
        {
            FieldRules.RequiredLength(violations, $"channels[{i}].id", request.Channels[i].Id, 1, 50);
            FieldRules.OptionalLength(violations, $"channels[{i}].type", request.Channels[i].Type, 1, 50);
        }

        EngagementFieldRules.Attributes(violations, request.Attributes);
        FieldRules.OptionalLength(violations, "sourceType", request.SourceType, 1, 256);
        FieldRules.OptionalLength(violations, "sourceAddress", request.SourceAddress, 1, 256);
        violations.ThrowIfAny();
    }
}
