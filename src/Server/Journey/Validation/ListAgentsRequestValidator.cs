using JourneyGrpc.Journey.V1;

namespace JourneyGrpc.Server.Journey.Validation;

/// <summary>
/// List agents: acct6; pageSize 1..10 (its own default of 1: spec section 6 #16); orderBy <c>asc</c> or
/// <c>desc</c> (any case); identifiers 1..10 names with a value; channelId 3..50.
/// </summary>
internal static class ListAgentsRequestValidator
{
    internal const int MaxPageSize = 10;

    internal static void Validate(ListAgentsRequest request)
    {
        var violations = new Violations();
        FieldRules.AccountId(violations, request.AccountId);
        FieldRules.PageSize(violations, request.HasPageSize, request.PageSize, MaxPageSize);
        if (request.HasOrderBy && !IsAscending(request.OrderBy) && !request.OrderBy.Equals("desc", StringComparison.OrdinalIgnoreCase))
        {
            violations.Add("orderBy", ValidationMessages.OrderBy);
        }

        var query = request.Query ?? new ListAgentsQuery();
        FieldRules.Identifiers(violations, query.Identifiers, required: true);
        if (query.Identifiers.Count > 0 && !FieldRules.HasAnyValue(query.Identifiers))
        {
            violations.Add("identifiers", ValidationMessages.NotEmpty);
        }

        FieldRules.RequiredLength(violations, "channelId", query.ChannelId, 3, 50);
        FieldRules.OptionalTimestamp(violations, "startDate", query.StartDate);
        violations.ThrowIfAny();
    }

    internal static bool IsAscending(string orderBy) => orderBy.Equals("asc", StringComparison.OrdinalIgnoreCase);
}
