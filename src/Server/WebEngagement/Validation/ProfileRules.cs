using Google.Protobuf;
using JourneyGrpc.WebEngagement.V1;

namespace JourneyGrpc.Server.WebEngagement.Validation;

/// <summary>The checks of an <c>ixnProfile</c> or <c>cancelData</c> object, named by its parameter and GWE key.</summary>
internal static class ProfileRules
{
    /// <summary>The largest profile kept, serialized (unknown keys included).</summary>
    internal const int MaxProfileBytes = 16 * 1024;

    internal const int MaxInteractionIdLength = 64;

    internal static void Check(Violations violations, string parameter, IxnProfile? profile)
    {
        if (profile is null)
        {
            violations.Add(parameter, "is required: a JSON object with at least visitID");
            return;
        }

        violations.Uuid($"{parameter}.visitID", profile.VisitId, required: true);
        violations.Uuid($"{parameter}.globalVisitID", profile.GlobalVisitId, required: false);
        violations.Uuid($"{parameter}.pageID", profile.PageId, required: false);
        violations.Text($"{parameter}.interactionID", profile.InteractionId, MaxInteractionIdLength);
        if (profile.CalculateSize() > MaxProfileBytes)
        {
            violations.Add(parameter, $"must be at most {MaxProfileBytes} bytes");
        }
    }
}
