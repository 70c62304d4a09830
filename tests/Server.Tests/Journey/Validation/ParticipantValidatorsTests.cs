using JourneyGrpc.Journey.V1;
using JourneyGrpc.Server.Journey.Validation;
using JourneyGrpc.Server.Tests.Journey.Infrastructure;

namespace JourneyGrpc.Server.Tests.Journey.Validation;

/// <summary>Documented 400s of add and remove participant, plus the polymorphic body's required fields.</summary>
public sealed class ParticipantValidatorsTests
{
    [Theory]
    [InlineData("external", null, null)]
    [InlineData("agent", null, null)]
    [InlineData("treatment", null, null)]
    [InlineData("non-uuid-participant-id", null, null)]
    [InlineData("account", "accountId", "must match \"^[a-zA-Z]{6}$\"")]
    [InlineData("engagement", "engagementId", "must be a 36 character UUID")]
    [InlineData("participant-empty", "participantId", "size must be between 1 and 36")]
    [InlineData("participant-long", "participantId", "size must be between 1 and 36")]
    [InlineData("type-missing", "type", "must be EXTERNAL, AGENT or TREATMENT")]
    [InlineData("dialog", "dialogId", "must be a 36 character UUID")]
    [InlineData("timestamp", "timestamp", "must not be null")]
    [InlineData("channel-id", "channelId", "must not be empty")]
    [InlineData("channel-type", "channelType", "size must be between 3 and 50")]
    [InlineData("calling-number", "callingNumber", "must not be empty")]
    [InlineData("dialled-number", "dialledNumber", "size must be between 3 and 256")]
    [InlineData("extension", "extension", "must not be empty")]
    [InlineData("automation", "automationType", "must be SELF_SERVICE, TREATMENT or CHATBOT")]
    [InlineData("state-dropped", "state", "must be ACTIVE or HELD")]
    [InlineData("id-mismatch", "id", "must equal the participantId in the path")]
    public void AddParticipant_Table_ReportsViolation(string defect, string? field, string? message)
    {
        var request = Requests.AddExternal();
        switch (defect)
        {
            case "agent": request = Requests.AddAgent("ABCDEF", Requests.EngagementId, "e5e8b989-c0d3-493e-9c6c-a1e482c42946", "2019-07-23T17:45:21.003Z"); break;
            case "treatment": request = Treatment(); break;
            case "non-uuid-participant-id": request.ParticipantId = "1b3232rerew343432432432"; break;
            case "account": request.AccountId = "ABCDE!"; break;
            case "engagement": request.EngagementId = "67ec5131"; break;
            case "participant-empty": request.ParticipantId = string.Empty; break;
            case "participant-long": request.ParticipantId = new string('p', 37); break;
            case "type-missing": request.Type = ParticipantType.Unspecified; break;
            case "dialog": request.DialogId = "67ec5131-259c-4924-bb08"; break;
            case "timestamp": request.Timestamp = null; break;
            case "channel-id": request.ChannelId = string.Empty; break;
            case "channel-type": request.ChannelType = "VO"; break;
            case "calling-number": request.CallingNumber = string.Empty; break;
            case "dialled-number": request.DialledNumber = "15"; break;
            case "extension": request = Requests.AddAgent("ABCDEF", Requests.EngagementId, "agent-1", "2019-07-23T17:45:21.003Z"); request.Extension = string.Empty; break;
            case "automation": request = Treatment(); request.AutomationType = Participant.Types.AutomationType.Unspecified; break;
            case "state-dropped": request.State = Participant.Types.State.Dropped; break;
            case "id-mismatch": request.Id = "someone-else"; break;
            default: break;
        }

        var violations = ValidatorAssert.Violations(() => AddParticipantRequestValidator.Validate(request));

        Assert.Equal(field is null ? [] : [(field, message!)], violations);
    }

    [Theory]
    [InlineData("valid", null, null)]
    [InlineData("account", "accountId", "must match \"^[a-zA-Z]{6}$\"")]
    [InlineData("engagement", "engagementId", "must be a 36 character UUID")]
    [InlineData("participant", "participantId", "size must be between 1 and 36")]
    [InlineData("type", "type", "must be EXTERNAL, AGENT or TREATMENT")]
    [InlineData("type-agent", null, null)]
    public void RemoveParticipant_Table_ReportsViolation(string defect, string? field, string? message)
    {
        var request = new RemoveParticipantRequest
        {
            AccountId = defect == "account" ? "AB" : "ABCDEF",
            EngagementId = defect == "engagement" ? "zzz" : Requests.EngagementId,
            ParticipantId = defect == "participant" ? string.Empty : "443f413f-75f4-4ee4-a261-275e2c4a4c6f",
            Type = defect switch { "type" => (ParticipantType)8, "type-agent" => ParticipantType.Agent, _ => ParticipantType.Unspecified },
        };

        var violations = ValidatorAssert.Violations(() => RemoveParticipantRequestValidator.Validate(request));

        Assert.Equal(field is null ? [] : [(field, message!)], violations);
    }

    private static AddParticipantRequest Treatment() => new()
    {
        AccountId = "ABCDEF",
        EngagementId = Requests.EngagementId,
        ParticipantId = "bot-1",
        Type = ParticipantType.Treatment,
        ChannelId = "Voice",
        ChannelType = "VOICE",
        AutomationType = Participant.Types.AutomationType.SelfService,
        Timestamp = Requests.At("2019-07-23T17:45:21.002Z"),
        DialogId = "67ec5131-259c-4924-bb08-d87cf315e5e3",
    };
}
