using JourneyGrpc.Journey.V1;
using JourneyGrpc.Server.Journey.Mapping;

namespace JourneyGrpc.Server.Journey.Validation;

/// <summary>
/// Search journeys: acct6; pageNumber &gt; 0; pageSize 1..50; identifiers must not be empty (spec 400)
/// unless the search is by <c>agentId</c>, <c>channelIds</c> or <c>conversation</c> (as the spec's
/// <c>journey-query-with-agent</c> and <c>journey-query-with-channels</c> examples do: section 6 #10);
/// conversation 3..256; agentId 3..36; channelIds 1..10 unique of 3..20; startDate ≤ endDate.
/// </summary>
internal static class SearchJourneysRequestValidator
{
    internal const int MaxChannelIds = 10;

    internal static void Validate(SearchJourneysRequest request)
    {
        var violations = new Violations();
        FieldRules.AccountId(violations, request.AccountId);
        FieldRules.PageNumber(violations, request.HasPageNumber, request.PageNumber);
        FieldRules.PageSize(violations, request.HasPageSize, request.PageSize, FieldRules.MaxPageSize);
        var query = request.Query ?? new JourneyQuery();
        FieldRules.Identifiers(violations, query.Identifiers, required: false);
        var otherFilter = query.HasAgentId || query.HasConversation || query.ChannelIds.Count > 0;
        if ((query.Identifiers.Count > 0 || !otherFilter) && !FieldRules.HasAnyValue(query.Identifiers))
        {
            violations.Add("identifiers", ValidationMessages.SearchNeedsFilter);
        }

        if (query.HasConversation)
        {
            FieldRules.Length(violations, "conversation", query.Conversation, 3, 256);
        }

        if (query.HasAgentId)
        {
            FieldRules.Length(violations, "agentId", query.AgentId, 3, 36);
        }

        if (query.ChannelIds.Count > MaxChannelIds)
        {
            violations.Add("channelIds", ValidationMessages.Size(1, MaxChannelIds));
        }
        else if (query.ChannelIds.Distinct(StringComparer.OrdinalIgnoreCase).Count() != query.ChannelIds.Count)
        {
            violations.Add("channelIds", ValidationMessages.Unique);
        }

        for (var i = 0; i < query.ChannelIds.Count; i++)
        {
            FieldRules.Length(violations, $"channelIds[{i}]", query.ChannelIds[i], 3, 20);
        }

        FieldRules.OptionalTimestamp(violations, "startDate", query.StartDate);
        FieldRules.OptionalTimestamp(violations, "endDate", query.EndDate);
        if (query.StartDate is not null && query.EndDate is not null && Timestamps.IsValid(query.StartDate) && Timestamps.IsValid(query.EndDate)
            && query.StartDate > query.EndDate)
        {
            violations.Add("startDate", ValidationMessages.StartAfterEnd);
        }

        violations.ThrowIfAny();
    }
}
