using JourneyGrpc.Journey.V1;
using JourneyGrpc.Server.Journey.Validation;
using JourneyGrpc.Server.Tests.Journey.Infrastructure;

namespace JourneyGrpc.Server.Tests.Journey.Validation;

/// <summary>Documented 400s of search, create journey, unlink and list agents.</summary>
public sealed class JourneyValidatorsTests
{
    private const string AccountPattern = "must match \"^[a-zA-Z]{6}$\"";

    [Theory]
    [InlineData("with-identifiers", null, null)]
    [InlineData("agent-only", null, null)]
    [InlineData("channels-only", null, null)]
    [InlineData("conversation-only", null, null)]
    [InlineData("account", "accountId", AccountPattern)]
    [InlineData("page-number-zero", "pageNumber", "must be greater than 0")]
    [InlineData("page-size-zero", "pageSize", "size must be between 1 and 50")]
    [InlineData("page-size-51", "pageSize", "size must be between 1 and 50")]
    [InlineData("no-filter", "identifiers", "must not be empty")]
    [InlineData("identifiers-without-values", "identifiers", "must not be empty")]
    [InlineData("conversation-short", "conversation", "size must be between 3 and 256")]
    [InlineData("agent-long", "agentId", "size must be between 3 and 36")]
    [InlineData("channel-long", "channelIds[0]", "size must be between 3 and 20")]
    [InlineData("channels-duplicate", "channelIds", "must not contain duplicates")]
    [InlineData("channels-eleven", "channelIds", "size must be between 1 and 10")]
    [InlineData("start-after-end", "startDate", "must not be after endDate")]
    public void SearchJourneys_Table_ReportsViolation(string defect, string? field, string? message)
    {
        var request = new SearchJourneysRequest { AccountId = "ABCDEF", Query = new JourneyQuery { Identifiers = { Ids.Of(("emailAddresses", "melinda14@example.org")) } } };
        var query = request.Query;
        switch (defect)
        {
            case "agent-only": query.Identifiers.Clear(); query.AgentId = "4dd8a4a4-09f4-4dab-a503-91cefc4604e0"; break;
            case "channels-only": query.Identifiers.Clear(); query.ChannelIds.Add(["Voice", "Chat", "Email"]); break;
            case "conversation-only": query.Identifiers.Clear(); query.Conversation = "Mortgage Application"; break;
            case "account": request.AccountId = "abc"; break;
            case "page-number-zero": request.PageNumber = 0; break;
            case "page-size-zero": request.PageSize = 0; break;
            case "page-size-51": request.PageSize = 51; break;
            case "no-filter": query.Identifiers.Clear(); break;
            case "identifiers-without-values": query.Identifiers.Clear(); query.Identifiers.Add("emailAddresses", new Google.Protobuf.WellKnownTypes.ListValue()); break;
            case "conversation-short": query.Conversation = "ab"; break;
            case "agent-long": query.AgentId = new string('a', 37); break;
            case "channel-long": query.ChannelIds.Add(new string('c', 21)); break;
            case "channels-duplicate": query.ChannelIds.Add(["Voice", "VOICE"]); break;
            case "channels-eleven": query.ChannelIds.Add(Enumerable.Range(0, 11).Select(i => $"chan{i}")); break;
            case "start-after-end": query.StartDate = Requests.At("2020-07-23T17:45:21.001Z"); query.EndDate = Requests.At("2019-07-23T17:45:21.001Z"); break;
            default: break;
        }

        var violations = ValidatorAssert.Violations(() => SearchJourneysRequestValidator.Validate(request));
        Assert.Equal(field is null ? [] : [(field, message!)], violations);
    }

    [Theory]
    [InlineData("valid", null, null)]
    [InlineData("account", "accountId", AccountPattern)]
    [InlineData("no-identifiers", "identifiers", "size must be between 1 and 10")]
    [InlineData("no-values", "identifiers", "must not be empty")]
    [InlineData("value-short", "identifiers.emailAddresses[0]", "size must be between 3 and 256")]
    public void CreateJourney_Table_ReportsViolation(string defect, string? field, string? message)
    {
        var request = new CreateJourneyRequest
        {
            AccountId = defect == "account" ? "ABCDEF1" : "ABCDEF",
            Identifiers = { Ids.Of(("accountIds", "d1482af8-d865-4df0-932d-f9559f25086d"), ("emailAddresses", "melinda14@example.org")) },
        };
        switch (defect)
        {
            case "no-identifiers": request.Identifiers.Clear(); break;
            case "no-values": request.Identifiers.Clear(); request.Identifiers.Add("emailAddresses", new Google.Protobuf.WellKnownTypes.ListValue()); break;
            case "value-short": request.Identifiers["emailAddresses"].Values[0] = Google.Protobuf.WellKnownTypes.Value.ForString("me"); break;
            default: break;
        }

        var violations = ValidatorAssert.Violations(() => CreateJourneyRequestValidator.Validate(request));
        Assert.Equal(field is null ? [] : [(field, message!)], violations);
    }

    [Theory]
    [InlineData("valid", null, null)]
    [InlineData("account", "accountId", AccountPattern)]
    [InlineData("no-identifiers", "identifiers", "size must be between 1 and 10")]
    [InlineData("no-unlink", "unlinkIdentifier", "size must be between 1 and 1")]
    [InlineData("two-unlink", "unlinkIdentifier", "size must be between 1 and 1")]
    [InlineData("unlink-empty-value", "unlinkIdentifier.emailAddresses", "size must be between 1 and 256")]
    [InlineData("unlink-not-in-identifiers", "unlinkIdentifier", "must be one of identifiers")]
    public void UnlinkIdentifier_Table_ReportsViolation(string defect, string? field, string? message)
    {
        var request = new UnlinkIdentifierRequest
        {
            AccountId = defect == "account" ? "1BCDEF" : "ABCDEF",
            Identifiers = { Ids.Of(("accountIds", "d1482af8-d865-4df0-932d-f9559f25086d"), ("emailAddresses", "melinda14@example.org"), ("phoneNumbers", "087 12345")) },
            UnlinkIdentifier = { ["emailAddresses"] = "melinda14@example.org" },
        };
        switch (defect)
        {
            case "no-identifiers": request.Identifiers.Clear(); break;
            case "no-unlink": request.UnlinkIdentifier.Clear(); break;
            case "two-unlink": request.UnlinkIdentifier["phoneNumbers"] = "087 12345"; break;
            case "unlink-empty-value": request.UnlinkIdentifier["emailAddresses"] = string.Empty; break;
            case "unlink-not-in-identifiers": request.UnlinkIdentifier["emailAddresses"] = "other@example.org"; break;
            default: break;
        }

        var violations = ValidatorAssert.Violations(() => UnlinkIdentifierRequestValidator.Validate(request));
        Assert.Equal(field is null ? [] : [(field, message!)], violations);
    }

    [Theory]
    [InlineData("valid", null, null)]
    [InlineData("order-asc", null, null)]
    [InlineData("order-DESC", null, null)]
    [InlineData("account", "accountId", AccountPattern)]
    [InlineData("page-size-zero", "pageSize", "size must be between 1 and 10")]
    [InlineData("page-size-11", "pageSize", "size must be between 1 and 10")]
    [InlineData("order-up", "orderBy", "must be asc or desc")]
    [InlineData("no-identifiers", "identifiers", "size must be between 1 and 10")]
    [InlineData("no-channel", "channelId", "must not be empty")]
    [InlineData("channel-short", "channelId", "size must be between 3 and 50")]
    public void ListAgents_Table_ReportsViolation(string defect, string? field, string? message)
    {
        var request = new ListAgentsRequest
        {
            AccountId = "ABCDEF",
            Query = new ListAgentsQuery { Identifiers = { Ids.Of(("phoneNumbers", "+35387643526236")) }, ChannelId = "VOICE", StartDate = Requests.At("2019-07-23T17:45:21.001Z") },
        };
        switch (defect)
        {
            case "order-asc": request.OrderBy = "asc"; break;
            case "order-DESC": request.OrderBy = "DESC"; break;
            case "account": request.AccountId = "ABC"; break;
            case "page-size-zero": request.PageSize = 0; break;
            case "page-size-11": request.PageSize = 11; break;
            case "order-up": request.OrderBy = "up"; break;
            case "no-identifiers": request.Query.Identifiers.Clear(); break;
            case "no-channel": request.Query.ChannelId = string.Empty; break;
            case "channel-short": request.Query.ChannelId = "VO"; break;
            default: break;
        }

        var violations = ValidatorAssert.Violations(() => ListAgentsRequestValidator.Validate(request));
        Assert.Equal(field is null ? [] : [(field, message!)], violations);
    }
}
