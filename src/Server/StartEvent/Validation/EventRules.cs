using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Server.StartEvent.Mapping;

namespace JourneyGrpc.Server.StartEvent.Validation;

/// <summary>Rules for the fields every start and end event shares (Start Event List, End Event List).</summary>
internal static class EventRules
{
    internal const int MaxTextLength = 256;
    internal const int MaxSessionIdLength = 32;
    internal const int MaxInteractionIdLength = 50;
    internal const int MaxDispositionDescLength = 64;
    internal const int MaxExtensions = 100;

    // Whole numbers a JSON number (a double) holds exactly.
    private const double MaxExactInteger = 9_007_199_254_740_992d;

    /// <summary>A "long or string" field: a whole number or a non-empty string of at most 256 characters; null means absent.</summary>
    internal static void LongOrString(Violations violations, string field, Value? value)
    {
        switch (value?.KindCase)
        {
            case null or Value.KindOneofCase.None or Value.KindOneofCase.NullValue:
                return;
            case Value.KindOneofCase.NumberValue when Math.Abs(value.NumberValue) <= MaxExactInteger && Math.Floor(value.NumberValue) == value.NumberValue:
                return;
            case Value.KindOneofCase.StringValue when value.StringValue.Length is > 0 and <= MaxTextLength && !value.StringValue.Any(char.IsControl):
                return;
            default:
                violations.Add(field, $"must be a whole number (a DB ID) or a string of 1 to {MaxTextLength} characters");
                return;
        }
    }

    /// <summary>A free-text field of at most <paramref name="max"/> characters without control characters.</summary>
    internal static void Text(Violations violations, string field, string value, int max = MaxTextLength)
    {
        if (value.Length > max || value.Any(char.IsControl))
        {
            violations.Add(field, $"must be at most {max} characters with no control characters");
        }
    }

    /// <summary>A DB ID or a duration: 0 or more when present.</summary>
    internal static void NotNegative(Violations violations, string field, bool has, int value)
    {
        if (has && value < 0)
        {
            violations.Add(field, "must be 0 or more");
        }
    }

    /// <summary>An optional event timestamp: ISO 8601 UTC with milliseconds.</summary>
    internal static void Timestamp(Violations violations, string field, string value)
    {
        if (value.Length > 0 && CsTimestamp.Parse(value) is null)
        {
            violations.Add(field, "must be ISO 8601 UTC with milliseconds, e.g. 2026-12-05T10:00:00.000Z");
        }
    }

    /// <summary>Extensions: at most 100 keys of 1 to 256 characters without control characters.</summary>
    internal static void Extensions(Violations violations, Struct? extensions)
    {
        if (extensions is null)
        {
            return;
        }

        if (extensions.Fields.Count > MaxExtensions)
        {
            violations.Add("extensions", $"must have at most {MaxExtensions} keys, not {extensions.Fields.Count}");
        }

        foreach (var key in extensions.Fields.Keys)
        {
            if (key.Length is 0 or > MaxTextLength || key.Any(char.IsControl))
            {
                violations.Add("extensions", $"key '{key}' must be 1 to {MaxTextLength} characters with no control characters");
            }
        }
    }

    /// <summary>The fields start, end and transition events share; end events have the End Event List's lengths.</summary>
    internal static void Shared(Violations violations, bool isEnd, string sessionId, string interactionId, Value? applicationType, bool hasApplicationId, int applicationId, Value? resourceType, bool hasResourceId, int resourceId, Value? mediaType, string timestamp)
    {
        // The End Event List limits these three; the Start Event List does not.
        Text(violations, "session_id", sessionId, isEnd ? MaxSessionIdLength : MaxTextLength);
        Text(violations, "interaction_id", interactionId, isEnd ? MaxInteractionIdLength : MaxTextLength);
        LongOrString(violations, "application_type", applicationType);
        NotNegative(violations, "application_id", hasApplicationId, applicationId);
        LongOrString(violations, "resource_type", resourceType);
        NotNegative(violations, "resource_id", hasResourceId, resourceId);
        LongOrString(violations, "media_type", mediaType);
        Timestamp(violations, "timestamp", timestamp);
    }
}
