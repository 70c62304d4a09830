using System.Text.RegularExpressions;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Server.Journey.Identity;
using JourneyGrpc.Server.Journey.Mapping;

namespace JourneyGrpc.Server.Journey.Validation;

/// <summary>The field rules of the spec, shared by the per-request validators.</summary>
internal static partial class FieldRules
{
    internal const int MaxPageSize = 50;
    internal const int MaxIdentifierNames = 10;
    internal const int MaxIdentifierValues = 5;
    internal const int MaxIdentifierNameLength = 50;
    internal const int MaxIdentifierValueLength = 256;
    internal const int MaxConversations = 10;
    internal const int MaxDataEntries = 20;
    internal const int MaxDataKeyLength = 64;

    internal static void AccountId(Violations violations, string accountId)
    {
        if (!AccountIdRegex().IsMatch(accountId))
        {
            violations.Add("accountId", ValidationMessages.AccountIdPattern);
        }
    }

    internal static void Uuid(Violations violations, string field, string value)
    {
        if (!IsUuid(value))
        {
            violations.Add(field, ValidationMessages.Uuid);
        }
    }

    internal static bool IsUuid(string value) => value.Length == 36 && UuidRegex().IsMatch(value);

    internal static bool IsIdentifierName(string value) => IdentifierNameRegex().IsMatch(value);

    /// <summary>A required string of <paramref name="min"/>..<paramref name="max"/> characters; empty is "must not be empty".</summary>
    internal static void RequiredLength(Violations violations, string field, string value, int min, int max)
    {
        if (value.Length == 0)
        {
            violations.Add(field, ValidationMessages.NotEmpty);
        }
        else
        {
            Length(violations, field, value, min, max);
        }
    }

    internal static void Length(Violations violations, string field, string value, int min, int max)
    {
        if (value.Length < min || value.Length > max)
        {
            violations.Add(field, ValidationMessages.Size(min, max));
        }
    }

    /// <summary>An optional string: checked only when present (non-empty).</summary>
    internal static void OptionalLength(Violations violations, string field, string value, int min, int max)
    {
        if (value.Length > 0)
        {
            Length(violations, field, value, min, max);
        }
    }

    internal static void RequiredTimestamp(Violations violations, string field, Timestamp? value)
    {
        if (value is null)
        {
            violations.Add(field, ValidationMessages.NotNull);
        }
        else
        {
            OptionalTimestamp(violations, field, value);
        }
    }

    internal static void OptionalTimestamp(Violations violations, string field, Timestamp? value)
    {
        if (value is not null && !Timestamps.IsValid(value))
        {
            violations.Add(field, ValidationMessages.InvalidTimestamp);
        }
    }

    internal static void PageSize(Violations violations, bool has, int value, int max)
    {
        if (has && (value < 1 || value > max))
        {
            violations.Add("pageSize", ValidationMessages.Size(1, max));
        }
    }

    internal static void PageNumber(Violations violations, bool has, int value)
    {
        if (has && value < 1)
        {
            violations.Add("pageNumber", ValidationMessages.PageNumber);
        }
    }

    /// <summary>
    /// The legacy <c>Identifiers</c> object: 1..10 names (when <paramref name="required"/>; at most 10
    /// otherwise), each at most 50 characters, with 0..5 string values of 3..256 characters (built-in
    /// names) or 1..256 (custom names).
    /// </summary>
    internal static void Identifiers(Violations violations, MapField<string, ListValue> identifiers, bool required, string field = "identifiers")
    {
        if (required ? identifiers.Count is < 1 or > MaxIdentifierNames : identifiers.Count > MaxIdentifierNames)
        {
            violations.Add(field, ValidationMessages.Size(1, MaxIdentifierNames));
        }

        foreach (var (name, list) in identifiers)
        {
            var path = $"{field}.{name}";
            if (name.Length == 0 || name.Length > MaxIdentifierNameLength)
            {
                violations.Add(path, ValidationMessages.Size(1, MaxIdentifierNameLength));
                continue;
            }

            var values = list?.Values ?? [];
            if (values.Count > MaxIdentifierValues)
            {
                violations.Add(path, ValidationMessages.Size(0, MaxIdentifierValues));
            }

            var min = BuiltInIdentifierTypes.IsBuiltIn(name) ? 3 : 1;
            for (var i = 0; i < values.Count; i++)
            {
                if (values[i].KindCase != Value.KindOneofCase.StringValue)
                {
                    violations.Add($"{path}[{i}]", ValidationMessages.NotString);
                }
                else
                {
                    Length(violations, $"{path}[{i}]", values[i].StringValue, min, MaxIdentifierValueLength);
                }
            }
        }
    }

    /// <summary>Whether the map holds at least one identifier value.</summary>
    internal static bool HasAnyValue(MapField<string, ListValue> identifiers) =>
        identifiers.Values.Any(list => list is not null && list.Values.Count > 0);

    /// <summary>Write limits: 0..10 conversations of 3..256 characters.</summary>
    internal static void Conversations(Violations violations, RepeatedField<string> conversations)
    {
        if (conversations.Count > MaxConversations)
        {
            violations.Add("conversations", ValidationMessages.Size(0, MaxConversations));
        }

        for (var i = 0; i < conversations.Count; i++)
        {
            Length(violations, $"conversations[{i}]", conversations[i], 3, 256);
        }
    }

    /// <summary>Write limits: 0..20 keys of at most 64 characters, values of 3..1024 characters.</summary>
    internal static void Data(Violations violations, MapField<string, string> data)
    {
        if (data.Count > MaxDataEntries)
        {
            violations.Add("data", ValidationMessages.Size(0, MaxDataEntries));
        }

        foreach (var (key, value) in data)
        {
            if (key.Length == 0 || key.Length > MaxDataKeyLength)
            {
                violations.Add($"data.{key}", ValidationMessages.Size(1, MaxDataKeyLength));
            }
            else
            {
                Length(violations, $"data.{key}", value, 3, 1024);
            }
        }
    }

    [GeneratedRegex(@"^[a-zA-Z]{6}\z")]
    private static partial Regex AccountIdRegex();

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\z")]
    private static partial Regex UuidRegex();

    [GeneratedRegex(@"^[a-zA-Z0-9_.]+\z")]
    private static partial Regex IdentifierNameRegex();
}
