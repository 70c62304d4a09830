namespace JourneyGrpc.Conformance.Tests.Campaign;

/// <summary>The cases each campaign watch client prints a PASS or FAIL line for.</summary>
public static class CampaignCases
{
    public static TheoryData<string> All { get; } =
    [
        "report_every_field",
        "watch_current_state_then_live",
        "watch_kind_filter",
        "resume_after_cancel",
        "heartbeat_when_idle",
        "invalid_argument_details",
    ];
}
