using System.Globalization;

namespace JourneyGrpc.Server.Journey.Validation;

/// <summary>
/// The violation texts, written once. They follow the spec's examples (Bean Validation wording:
/// <c>must match "^[a-zA-Z]{6}$"</c>, <c>must not be null</c>) and its 400 descriptions.
/// </summary>
internal static class ValidationMessages
{
    internal const string AccountIdPattern = "must match \"^[a-zA-Z]{6}$\"";
    internal const string IdentifierNamePattern = "must match \"^[a-zA-Z0-9_\\.]+$\"";
    internal const string NotNull = "must not be null";
    internal const string NotEmpty = "must not be empty";
    internal const string Uuid = "must be a 36 character UUID";
    internal const string PageNumber = "must be greater than 0";
    internal const string Unique = "must not contain duplicates";
    internal const string NotString = "must be a string";
    internal const string Strength = "must be WEAK, STRONG or VERY STRONG";
    internal const string ParticipantType = "must be EXTERNAL, AGENT or TREATMENT";
    internal const string AutomationType = "must be SELF_SERVICE, TREATMENT or CHATBOT";
    internal const string ParticipantState = "must be ACTIVE or HELD";
    internal const string Direction = "must be INBOUND or OUTBOUND";
    internal const string OrderBy = "must be asc or desc";
    internal const string AllFieldsPopulated = "All fields must be populated";
    internal const string InvalidTimestamp = "must be a valid date-time";
    internal const string StartAfterEnd = "must not be after endDate";
    internal const string SearchNeedsFilter = "must not be empty";
    internal const string UnlinkNotInIdentifiers = "must be one of identifiers";
    internal const string ParticipantIdMismatch = "must equal the participantId in the path";
    internal const string NoValidIdentifiers = "No valid identifiers configured for account";
    internal const string NoteMustExist = "must exist for the engagement";

    internal static string Size(int min, int max) => string.Create(CultureInfo.InvariantCulture, $"size must be between {min} and {max}");

    internal static string AtMost(int max) => string.Create(CultureInfo.InvariantCulture, $"must be at most {max} characters");

    internal static string InvalidIdentifierTypes(IEnumerable<string> names) => $"Invalid customerIds type in the request [{string.Join(", ", names)}]";

    internal static string DuplicateIdentifierType(string name, string accountId) => $"identifier '{name}' already exists for account '{accountId}'";
}
