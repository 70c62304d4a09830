using JourneyGrpc.WebEngagement.V1;

namespace JourneyGrpc.Server.WebEngagement.Validation;

/// <summary>Checks the read requests: ping, get, performance and watch.</summary>
internal static class QueryRequestValidator
{
    /// <summary>The longest performance range.</summary>
    internal static readonly TimeSpan MaxPerformanceRange = TimeSpan.FromDays(400);

    internal static void Validate(PingRequest request)
    {
        var violations = new Violations();
        violations.Uuid("deploymentId", request.DeploymentId, required: true);
        violations.Uuid("customerCookieId", request.CustomerCookieId, required: true);
        violations.ThrowIfAny("The ping is invalid");
    }

    internal static void Validate(GetWebActionRequest request)
    {
        var violations = new Violations();
        violations.Uuid("deploymentId", request.DeploymentId, required: true);
        violations.Uuid("actionId", request.ActionId, required: true);
        violations.ThrowIfAny("The request is invalid");
    }

    internal static void Validate(GetActionMapPerformanceRequest request)
    {
        var violations = new Violations();
        violations.Uuid("deploymentId", request.DeploymentId, required: true);
        violations.Uuid("actionMapId", request.ActionMapId, required: true);
        if (request.ActionMapVersion is < 1 or > EngageRequestValidator.MaxActionMapVersion)
        {
            violations.Add("actionMapVersion", $"must be from 1 to {EngageRequestValidator.MaxActionMapVersion}");
        }

        var startValid = CheckTime(violations, "startTime", request.StartTime);
        var endValid = CheckTime(violations, "endTime", request.EndTime);
        if (startValid && endValid && request.StartTime is { } start && request.EndTime is { } end)
        {
            var range = end.ToDateTimeOffset() - start.ToDateTimeOffset();
            if (range <= TimeSpan.Zero)
            {
                violations.Add("endTime", "must be after startTime");
            }
            else if (range > MaxPerformanceRange)
            {
                violations.Add("endTime", $"must be at most {MaxPerformanceRange.TotalDays} days after startTime");
            }
        }

        violations.ThrowIfAny("The performance request is invalid");
    }

    private static bool CheckTime(Violations violations, string field, Google.Protobuf.WellKnownTypes.Timestamp? time)
    {
        // Timestamp's documented range, 0001-01-01 to 9999-12-31 (google/protobuf/timestamp.proto).
        if (time is null)
        {
            violations.Add(field, "is required");
            return false;
        }

        if (time.Seconds is < -62_135_596_800 or > 253_402_300_799 || time.Nanos is < 0 or > 999_999_999)
        {
            violations.Add(field, "must be a time from 0001-01-01 to 9999-12-31");
            return false;
        }

        return true;
    }

    internal static void Validate(WatchWebActionsRequest request)
    {
        var violations = new Violations();
        violations.Uuid("deploymentId", request.DeploymentId, required: true);
        violations.Uuid("customerId", request.CustomerId, required: false);
        violations.Uuid("sessionId", request.SessionId, required: false);
        if (request.HasAfterSequence && request.AfterSequence < 0)
        {
            violations.Add("afterSequence", "must be 0 or more");
        }

        violations.ThrowIfAny("The watch request is invalid");
    }
}
