using JourneyGrpc.Journey.V1;
using JourneyGrpc.Server.Journey.Validation;

namespace JourneyGrpc.Server.Tests.Journey.Validation;

/// <summary>Documented 400s of the identifier administration operations.</summary>
public sealed class IdentifierTypeValidatorsTests
{
    private const string AccountPattern = "must match \"^[a-zA-Z]{6}$\"";

    [Theory]
    [InlineData("ABCDEF", "phoneNumbers", "Phone Numbers", IdentifierStrength.Weak, null, null)]
    [InlineData("ABCDEF", "universal.ids_2", "Universal ids", IdentifierStrength.VeryStrong, null, null)]
    [InlineData("ABC", "phoneNumbers", "Phone Numbers", IdentifierStrength.Weak, "accountId", AccountPattern)]
    [InlineData("ABCDEF", "", "Phone Numbers", IdentifierStrength.Weak, "name", "must not be empty")]
    [InlineData("ABCDEF", "ph", "Phone Numbers", IdentifierStrength.Weak, "name", "size must be between 3 and 50")]
    [InlineData("ABCDEF", "phone numbers", "Phone Numbers", IdentifierStrength.Weak, "name", "must match \"^[a-zA-Z0-9_\\.]+$\"")]
    [InlineData("ABCDEF", "phoneNumbers", "", IdentifierStrength.Weak, "displayName", "must not be empty")]
    [InlineData("ABCDEF", "phoneNumbers", "Ph", IdentifierStrength.Weak, "displayName", "size must be between 3 and 50")]
    [InlineData("ABCDEF", "phoneNumbers", "Phone Numbers", IdentifierStrength.Unspecified, "identifierStrength", "must be WEAK, STRONG or VERY STRONG")]
    [InlineData("ABCDEF", "phoneNumbers", "Phone Numbers", (IdentifierStrength)9, "identifierStrength", "must be WEAK, STRONG or VERY STRONG")]
    public void CreateIdentifierType_Table_ReportsViolation(string account, string name, string displayName, IdentifierStrength strength, string? field, string? message)
    {
        var request = new CreateIdentifierTypeRequest { AccountId = account, Name = name, DisplayName = displayName, IdentifierStrength = strength };

        var violations = ValidatorAssert.Violations(() => CreateIdentifierTypeRequestValidator.Validate(request));

        Assert.Equal(field is null ? [] : [(field, message!)], violations);
    }

    [Theory]
    [InlineData("feb2cc8d-696f-409e-97ce-4d122a685a42", "emailAddresses", null, null)]
    [InlineData("feb2cc8d-696f-409e-97ce-4d122a685a4", "emailAddresses", "identifierId", "must be a 36 character UUID")]
    [InlineData("feb2cc8d-696f-409e-97ce-4d122a685a42", "", "name", "must not be empty")]
    public void UpdateIdentifierType_Table_ReportsViolation(string identifierId, string name, string? field, string? message)
    {
        var request = new UpdateIdentifierTypeRequest { AccountId = "JDBUTC", IdentifierId = identifierId, Name = name, DisplayName = "E-Mail addresses", IdentifierStrength = IdentifierStrength.Strong };

        var violations = ValidatorAssert.Violations(() => UpdateIdentifierTypeRequestValidator.Validate(request));

        Assert.Equal(field is null ? [] : [(field, message!)], violations);
    }

    [Theory]
    [InlineData("JDBUTC", "23aafae6-5d7e-40cd-8825-27313a5af3e8", null, null)]
    [InlineData("JDBUT", "23aafae6-5d7e-40cd-8825-27313a5af3e8", "accountId", AccountPattern)]
    [InlineData("JDBUTC", "universalIds", "identifierId", "must be a 36 character UUID")]
    public void GetIdentifierType_Table_ReportsViolation(string account, string identifierId, string? field, string? message)
    {
        var violations = ValidatorAssert.Violations(() => GetIdentifierTypeRequestValidator.Validate(new GetIdentifierTypeRequest { AccountId = account, IdentifierId = identifierId }));

        Assert.Equal(field is null ? [] : [(field, message!)], violations);
    }

    [Theory]
    [InlineData("JDBUTC", null, null)]
    [InlineData("JDBUT1", "accountId", AccountPattern)]
    public void ListIdentifierTypes_Table_ReportsViolation(string account, string? field, string? message)
    {
        var violations = ValidatorAssert.Violations(() => ListIdentifierTypesRequestValidator.Validate(new ListIdentifierTypesRequest { AccountId = account }));

        Assert.Equal(field is null ? [] : [(field, message!)], violations);
    }

    [Theory]
    [InlineData(1, 36, null, null)]
    [InlineData(50, 36, null, null)]
    [InlineData(0, 36, "identifierIds", "size must be between 1 and 50")]
    [InlineData(51, 36, "identifierIds", "size must be between 1 and 50")]
    [InlineData(1, 2, "identifierIds[0]", "size must be between 3 and 50")]
    [InlineData(1, 51, "identifierIds[0]", "size must be between 3 and 50")]
    public void DeleteIdentifierTypes_Table_ReportsViolation(int count, int length, string? field, string? message)
    {
        var request = new DeleteIdentifierTypesRequest { AccountId = "JDBUTC" };
        request.IdentifierIds.Add(Enumerable.Range(0, count).Select(i => new string((char)('a' + (i % 26)), length)));

        var violations = ValidatorAssert.Violations(() => DeleteIdentifierTypesRequestValidator.Validate(request));

        Assert.Equal(field is null ? [] : [(field, message!)], violations);
    }
}
