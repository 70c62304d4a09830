using Google.Protobuf.Collections;

namespace JourneyGrpc.Server.Journey.Validation;

/// <summary>Rules of engagement fields the spec leaves open, kept to the response schema's limits.</summary>
internal static class EngagementFieldRules
{
    internal const int MaxAttributes = 50;

    /// <summary>At most 50 attributes of 1..256 characters.</summary>
    internal static void Attributes(Violations violations, RepeatedField<string> attributes)
    {
        if (attributes.Count > MaxAttributes)
        {
            violations.Add("attributes", ValidationMessages.Size(0, MaxAttributes));
        }

        for (var i = 0; i < attributes.Count; i++)
        {
            FieldRules.Length(violations, $"attributes[{i}]", attributes[i], 1, 256);
        }
    }
}
