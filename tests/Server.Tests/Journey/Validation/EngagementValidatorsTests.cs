using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Journey.V1;
using JourneyGrpc.Server.Journey.Validation;
using JourneyGrpc.Server.Tests.Journey.Infrastructure;

namespace JourneyGrpc.Server.Tests.Journey.Validation;

/// <summary>Every documented 400 of the engagement operations (spec section 2.3), field and message exact.</summary>
public sealed class EngagementValidatorsTests
{
    private const string AccountPattern = "must match \"^[a-zA-Z]{6}$\"";
    private const string Uuid = "must be a 36 character UUID";

    [Fact]
    public void CreateEngagement_SpecExample_Passes() =>
        Assert.Empty(ValidatorAssert.Violations(() => CreateEngagementRequestValidator.Validate(Requests.CreateEngagement())));

    [Theory]
    [InlineData("account-short", "accountId", AccountPattern)]
    [InlineData("account-digits", "accountId", AccountPattern)]
    [InlineData("account-trailing-newline", "accountId", AccountPattern)]
    [InlineData("id-empty", "id", "must not be empty")]
    [InlineData("id-not-uuid", "id", Uuid)]
    [InlineData("start-missing", "startDate", "must not be null")]
    [InlineData("identifiers-none", "identifiers", "size must be between 1 and 10")]
    [InlineData("identifiers-eleven-names", "identifiers", "size must be between 1 and 10")]
    [InlineData("identifiers-six-values", "identifiers.phoneNumbers", "size must be between 0 and 5")]
    [InlineData("identifier-builtin-short", "identifiers.phoneNumbers[0]", "size must be between 3 and 256")]
    [InlineData("identifier-custom-empty", "identifiers.universalIds[0]", "size must be between 1 and 256")]
    [InlineData("identifier-not-string", "identifiers.emailAddresses[0]", "must be a string")]
    [InlineData("identifier-name-long", "identifiers.nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn", "size must be between 1 and 50")]
    [InlineData("conversations-eleven", "conversations", "size must be between 0 and 10")]
    [InlineData("conversation-short", "conversations[0]", "size must be between 3 and 256")]
    [InlineData("data-value-short", "data.currentStatus", "size must be between 3 and 1024")]
    [InlineData("data-twenty-one", "data", "size must be between 0 and 20")]
    [InlineData("data-key-long", "data.kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk", "size must be between 1 and 64")]
    [InlineData("direction-unknown", "direction", "must be INBOUND or OUTBOUND")]
    public void CreateEngagement_InvalidField_ReportsViolation(string defect, string field, string message)
    {
        var request = Requests.CreateEngagement();
        switch (defect)
        {
            case "account-short": request.AccountId = "ABCDE"; break;
            case "account-digits": request.AccountId = "ABC123"; break;
            case "account-trailing-newline": request.AccountId = "ABCDEF\n"; break;
            case "id-empty": request.Id = string.Empty; break;
            case "id-not-uuid": request.Id = "dbf2aca9-b905-4ef1-a181-fa85133ae44"; break;
            case "start-missing": request.StartDate = null; break;
            case "identifiers-none": request.Identifiers.Clear(); break;
            case "identifiers-eleven-names":
                for (var i = 0; i < 9; i++)
                {
                    request.Identifiers.Add($"custom{i}", new ListValue { Values = { Value.ForString("x") } });
                }

                break;
            case "identifiers-six-values": request.Identifiers["phoneNumbers"].Values.Add([Value.ForString("111"), Value.ForString("222"), Value.ForString("333")]); break;
            case "identifier-builtin-short": request.Identifiers["phoneNumbers"].Values[0] = Value.ForString("12"); break;
            case "identifier-custom-empty": request.Identifiers.Add("universalIds", new ListValue { Values = { Value.ForString(string.Empty) } }); break;
            case "identifier-not-string": request.Identifiers["emailAddresses"].Values[0] = Value.ForNumber(1); break;
            case "identifier-name-long": request.Identifiers.Add(new string('n', 51), new ListValue()); break;
            case "conversations-eleven": request.Conversations.Add(Enumerable.Range(0, 9).Select(i => $"conversation {i}")); break;
            case "conversation-short": request.Conversations[0] = "ab"; break;
            case "data-value-short": request.Data["currentStatus"] = "ok"; break;
            case "data-twenty-one": request.Data.Add(Enumerable.Range(0, 19).ToDictionary(i => $"key{i}", i => "value")); break;
            case "data-key-long": request.Data.Add(new string('k', 65), "value"); break;
            case "direction-unknown": request.Direction = (Direction)7; break;
            default: throw new ArgumentOutOfRangeException(nameof(defect), defect, null);
        }

        ValidatorAssert.Single(() => CreateEngagementRequestValidator.Validate(request), field, message);
    }

    [Theory]
    [InlineData("ABCDEF", "8e557fd6-580a-43b3-8cf9-db8169f4af5a", null, null)]
    [InlineData("ABCDE", "8e557fd6-580a-43b3-8cf9-db8169f4af5a", "accountId", AccountPattern)]
    [InlineData("ABCDEF", "8e557fd6-580a-43b3-8cf9-db8169f4af5", "engagementId", Uuid)]
    [InlineData("ABCDEF", "8e557fd6x580a-43b3-8cf9-db8169f4af5a", "engagementId", Uuid)]
    [InlineData("ABCDEF", "8E557FD6-580A-43B3-8CF9-DB8169F4AF5A", null, null)]
    public void GetEngagement_Table_ReportsViolation(string account, string engagementId, string? field, string? message)
    {
        var violations = ValidatorAssert.Violations(() => GetEngagementRequestValidator.Validate(new GetEngagementRequest { AccountId = account, EngagementId = engagementId }));
        Assert.Equal(field is null ? [] : [(field, message!)], violations);
    }

    [Theory]
    [InlineData("b9da2450-415c-46ff-af58-0c3f39aee204", null, null, null, null)]
    [InlineData("b9da2450-415c-46ff-af58-0c3f39aee204,9a8575cb-344f-4435-88b0-233455323a52", null, null, null, null)]
    [InlineData("b9da2450-415c-46ff-af58-0c3f39aee204", 0, null, "pageNumber", "must be greater than 0")]
    [InlineData("b9da2450-415c-46ff-af58-0c3f39aee204", null, 0, "pageSize", "size must be between 1 and 50")]
    [InlineData("b9da2450-415c-46ff-af58-0c3f39aee204", null, 51, "pageSize", "size must be between 1 and 50")]
    [InlineData("", null, null, "engagementIds", "size must be between 1 and 50")]
    [InlineData("b9da2450-415c-46ff-af58-0c3f39aee204,B9DA2450-415C-46FF-AF58-0C3F39AEE204", null, null, "engagementIds", "must not contain duplicates")]
    [InlineData("b9da2450-415c-46ff-af58-0c3f39aee204,not-a-uuid", null, null, "engagementIds[1]", "must be a 36 character UUID")]
    public void GetEngagements_Table_ReportsViolation(string ids, int? pageNumber, int? pageSize, string? field, string? message)
    {
        var request = new GetEngagementsRequest { AccountId = "ABCDEF", EngagementIds = { ids } };
        if (pageNumber is { } number)
        {
            request.PageNumber = number;
        }

        if (pageSize is { } size)
        {
            request.PageSize = size;
        }

        var violations = ValidatorAssert.Violations(() => GetEngagementsRequestValidator.Validate(request));
        Assert.Equal(field is null ? [] : [(field, message!)], violations);
    }

    [Fact]
    public void GetEngagements_FiftyOneIds_ReportsCount()
    {
        var request = new GetEngagementsRequest { AccountId = "ABCDEF" };
        request.EngagementIds.Add(Enumerable.Range(0, 51).Select(i => Guid.NewGuid().ToString()));

        ValidatorAssert.Single(() => GetEngagementsRequestValidator.Validate(request), "engagementIds", "size must be between 1 and 50");
    }

    [Fact]
    public void EngagementIds_CommaSeparatedAndRepeated_BothSplit()
    {
        var request = new GetEngagementsRequest { EngagementIds = { "a,b", "c" } };

        Assert.Equal(["a", "b", "c"], GetEngagementsRequestValidator.EngagementIds(request));
    }

    [Theory]
    [InlineData("valid", null, null)]
    [InlineData("account", "accountId", AccountPattern)]
    [InlineData("engagement", "engagementId", Uuid)]
    [InlineData("timestamp", "timestamp", "must not be null")]
    [InlineData("identifiers-only", null, null)]
    [InlineData("conversation-long", "conversations[0]", "size must be between 3 and 256")]
    public void UpdateEngagement_Table_ReportsViolation(string defect, string? field, string? message)
    {
        var request = Requests.UpdateEngagement();
        switch (defect)
        {
            case "account": request.AccountId = "ABCDEFG"; break;
            case "engagement": request.EngagementId = "x"; break;
            case "timestamp": request.Timestamp = null; break;
            case "identifiers-only": request.Conversations.Clear(); request.Data.Clear(); break;
            case "conversation-long": request.Conversations[0] = new string('c', 257); break;
            default: break;
        }

        var violations = ValidatorAssert.Violations(() => UpdateEngagementRequestValidator.Validate(request));
        Assert.Equal(field is null ? [] : [(field, message!)], violations);
    }

    [Theory]
    [InlineData("valid", null, null)]
    [InlineData("account", "accountId", AccountPattern)]
    [InlineData("engagement", "engagementId", Uuid)]
    [InlineData("empty", "identifiers", "size must be between 1 and 10")]
    public void AppendIdentifiers_Table_ReportsViolation(string defect, string? field, string? message)
    {
        var request = new AppendIdentifiersRequest
        {
            AccountId = defect == "account" ? "AB" : "ABCDEF",
            EngagementId = defect == "engagement" ? "nope" : Requests.EngagementId,
            Identifiers = { defect == "empty" ? Ids.Of() : Ids.Of(("phoneNumbers", "019 718 0171"), ("emailAddresses", "melinda14@example.org")) },
        };

        var violations = ValidatorAssert.Violations(() => AppendIdentifiersRequestValidator.Validate(request));
        Assert.Equal(field is null ? [] : [(field, message!)], violations);
    }
}
