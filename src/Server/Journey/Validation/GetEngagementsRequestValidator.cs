using JourneyGrpc.Journey.V1;

namespace JourneyGrpc.Server.Journey.Validation;

/// <summary>GET engagements: acct6; pageNumber &gt; 0; pageSize 1..50; 1..50 unique engagement UUIDs.</summary>
internal static class GetEngagementsRequestValidator
{
    internal const int MaxIds = 50;

    internal static void Validate(GetEngagementsRequest request)
    {
        var violations = new Violations();
        FieldRules.AccountId(violations, request.AccountId);
        FieldRules.PageNumber(violations, request.HasPageNumber, request.PageNumber);
        FieldRules.PageSize(violations, request.HasPageSize, request.PageSize, FieldRules.MaxPageSize);
        var ids = EngagementIds(request);
        if (ids.Count is < 1 or > MaxIds)
        {
            violations.Add("engagementIds", ValidationMessages.Size(1, MaxIds));
        }
        else if (ids.Distinct(StringComparer.OrdinalIgnoreCase).Count() != ids.Count)
        {
            violations.Add("engagementIds", ValidationMessages.Unique);
        }

        for (var i = 0; i < ids.Count; i++)
        {
            FieldRules.Uuid(violations, $"engagementIds[{i}]", ids[i]);
        }

        violations.ThrowIfAny();
    }

    /// <summary>
    /// The ids asked for. The spec describes a comma-separated list while OpenAPI's default is a repeated
    /// key (section 6 #11), so each value is also split on commas: both forms work, over REST and gRPC.
    /// </summary>
    internal static IReadOnlyList<string> EngagementIds(GetEngagementsRequest request) =>
        [.. request.EngagementIds.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries)).Where(v => v.Length > 0)];
}
